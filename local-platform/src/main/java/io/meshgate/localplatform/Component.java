package io.meshgate.localplatform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One part of the local platform: a database, a broker, a service. The platform starts
 * components in list order and stops them in reverse, so a component may rely on every
 * component before it being ready.
 */
interface Component {

	String name();

	/**
	 * Stops what a previous launcher left running (it was killed before it could stop
	 * it), so that starting again does not clash with it.
	 */
	void stopLeftover();

	/** Starts the component without waiting for it to be ready. */
	void start() throws Exception;

	/** Returns once the component serves requests; fails when it cannot. */
	void awaitReady(Duration timeout) throws Exception;

	/** Stops the component; does nothing if it is not running. */
	void stop();

	/** The file its output goes to, named when it fails. */
	Path logFile();

	/**
	 * The operating-system processes it currently runs, including those a killed launcher
	 * left behind.
	 */
	List<ProcessHandle> processes();

	/** Lines for the summary printed once everything is ready: URLs and where to look. */
	List<String> summary();

}
