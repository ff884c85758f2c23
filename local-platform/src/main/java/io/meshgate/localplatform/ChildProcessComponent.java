package io.meshgate.localplatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A component that runs as a child process of the launcher, its output in its own log
 * file and its pid in a pid file, so that a crashed launcher's leftover is found and
 * stopped on the next start. Subclasses say what to run and when it is ready.
 */
abstract class ChildProcessComponent implements Component {

	private final String name;

	private final List<Integer> ports;

	private final Path logFile;

	private final PidFile pidFile;

	private Process process;

	/**
	 * @param name the component's name, also its log's and pid file's
	 * @param ports the ports it listens on, checked to be free before it starts
	 */
	ChildProcessComponent(String name, List<Integer> ports, Path logDirectory, Path runDirectory) {
		this.name = name;
		this.ports = List.copyOf(ports);
		this.logFile = logDirectory.resolve(name + ".log");
		this.pidFile = new PidFile(runDirectory.resolve(name + ".pid"));
	}

	/** The command, environment and working directory; output is redirected here. */
	abstract ProcessBuilder command() throws IOException;

	/** What {@link #isReady()} asks, named when the component is not ready in time. */
	abstract String readinessProbe();

	abstract boolean isReady() throws InterruptedException;

	/** Called once the process runs, for example to hand it secrets on standard input. */
	void started(Process process) throws IOException {
	}

	@Override
	public final String name() {
		return this.name;
	}

	@Override
	public final Path logFile() {
		return this.logFile;
	}

	@Override
	public final void stopLeftover() {
		this.pidFile.liveProcess().ifPresent((leftover) -> Processes.stop(leftover, Processes.GRACE_PERIOD));
		this.pidFile.delete();
	}

	@Override
	public final synchronized void start() throws IOException {
		for (int port : this.ports) {
			Ports.requireFree(port);
		}
		Files.createDirectories(this.logFile.getParent());
		this.process = command().redirectErrorStream(true).redirectOutput(this.logFile.toFile()).start();
		this.pidFile.write(this.process.toHandle());
		started(this.process);
	}

	@Override
	public final void awaitReady(Duration timeout) throws ComponentFailure, InterruptedException {
		Processes.awaitReady(this, currentProcess(), timeout, readinessProbe(), this::isReady);
	}

	@Override
	public final synchronized void stop() {
		if (this.process == null) {
			return;
		}
		Processes.stop(this.process.toHandle(), Processes.GRACE_PERIOD);
		this.pidFile.delete();
		this.process = null;
	}

	@Override
	public final List<ProcessHandle> processes() {
		// From the pid file, so that a leftover of a killed launcher counts too.
		return this.pidFile.liveProcess().stream().toList();
	}

	private synchronized Process currentProcess() {
		return this.process;
	}

	/** Fails with what to do when a tool jar the build copies is not there. */
	static void requireBuilt(Path jar) throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IOException(jar + " is missing: build local-platform first (./mvnw -Prun package does)");
		}
	}

	static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
