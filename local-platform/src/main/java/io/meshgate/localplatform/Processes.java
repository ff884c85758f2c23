package io.meshgate.localplatform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stopping processes so that none is left behind. */
final class Processes {

	// Longer than a service's graceful shutdown phase (20 s in auth-service), plus
	// margin.
	static final Duration GRACE_PERIOD = Duration.ofSeconds(25);

	private static final Duration KILL_WAIT = Duration.ofSeconds(5);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

	private Processes() {
	}

	/**
	 * Asks the process to stop (SIGTERM), waits for it, then kills whatever is left of it
	 * and of the processes it started.
	 * @return whether it stopped within the grace period
	 */
	static boolean stop(ProcessHandle process, Duration gracePeriod) {
		// Read before it exits: its children are re-parented afterwards and lost to us.
		List<ProcessHandle> descendants = process.descendants().toList();
		process.destroy();
		boolean graceful = awaitExit(process, gracePeriod);
		if (!graceful) {
			process.destroyForcibly();
			awaitExit(process, KILL_WAIT);
		}
		descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		return graceful;
	}

	/** Asks a started component whether it serves yet. */
	interface ReadinessProbe {

		boolean ready() throws InterruptedException;

	}

	/**
	 * Returns once the probe succeeds; fails as soon as the process exits, or when the
	 * timeout passes.
	 * @param probed what the probe asks, named in the failure
	 */
	static void awaitReady(Component component, Process started, Duration timeout, String probed, ReadinessProbe probe)
			throws ComponentFailure, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (probe.ready()) {
				return;
			}
			// Waiting on the process, not sleeping, so an early exit is reported at once.
			if (started.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new ComponentFailure(component,
						"exited with code " + started.exitValue() + " before it was ready (" + probed + ")", null);
			}
		}
		throw new ComponentFailure(component, "not ready after " + timeout.toSeconds() + " s (" + probed + ")", null);
	}

	static boolean awaitExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

}
