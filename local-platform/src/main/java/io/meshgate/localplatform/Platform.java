package io.meshgate.localplatform;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Starts components in order, each once the one before is ready, and stops them in
 * reverse. Safe to stop from a shutdown hook while a start is in progress.
 */
final class Platform {

	// A terminal without UTF-8 would print the ellipsis as '?'.
	private static final String ELLIPSIS = Charset.defaultCharset().newEncoder().canEncode('…') ? "…" : "...";

	private final List<Component> components;

	private final PrintStream out;

	private final Duration readinessTimeout;

	private final Deque<Component> started = new ArrayDeque<>();

	private boolean stopping;

	private boolean lineOpen;

	Platform(List<Component> components, PrintStream out, Duration readinessTimeout) {
		this.components = List.copyOf(components);
		this.out = out;
		this.readinessTimeout = readinessTimeout;
	}

	List<Component> components() {
		return this.components;
	}

	/**
	 * Starts every component; when one fails, stops those already started and throws.
	 */
	void start() throws ComponentFailure {
		stopLeftovers();
		for (Component component : this.components) {
			try {
				start(component);
			}
			catch (ComponentFailure ex) {
				finishLine("FAILED");
				stop();
				throw ex;
			}
		}
	}

	/** Stops every started component, the last started first. Idempotent. */
	synchronized void stop() {
		this.stopping = true;
		finishLine("stopping");
		while (!this.started.isEmpty()) {
			Component component = this.started.pop();
			try {
				boolean running = !component.processes().isEmpty();
				component.stop();
				if (running) {
					printLine(component.name(), "stopped");
				}
			}
			catch (RuntimeException ex) {
				printLine(component.name(), "could not be stopped: " + ex.getMessage());
			}
		}
	}

	private void stopLeftovers() {
		// Reverse order for the same reason as stop(): services before their database.
		List<Component> reversed = new ArrayList<>(this.components);
		Collections.reverse(reversed);
		for (Component component : reversed) {
			String pids = component.processes()
				.stream()
				.map((process) -> String.valueOf(process.pid()))
				.collect(Collectors.joining(", "));
			component.stopLeftover();
			if (!pids.isEmpty()) {
				printLine(component.name(), "stopped what an earlier launcher left running (pid " + pids + ")");
			}
		}
	}

	private void start(Component component) throws ComponentFailure {
		long startedAt = System.nanoTime();
		beginLine(component.name());
		try {
			synchronized (this) {
				if (this.stopping) {
					throw new ComponentFailure(component, "the platform is stopping", null);
				}
				// Recorded before it starts, so a stop during its start stops it too.
				this.started.push(component);
				component.start();
			}
			component.awaitReady(this.readinessTimeout);
		}
		catch (ComponentFailure ex) {
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ComponentFailure(component, "interrupted", ex);
		}
		catch (Exception ex) {
			throw new ComponentFailure(component, String.valueOf(ex.getMessage()), ex);
		}
		finishLine(String.format(Locale.ROOT, "ready in %.1f s", (System.nanoTime() - startedAt) / 1e9));
	}

	private synchronized void beginLine(String name) {
		this.out.print(label(name));
		this.out.flush();
		this.lineOpen = true;
	}

	private synchronized void finishLine(String text) {
		if (this.lineOpen) {
			this.out.println(text);
			this.lineOpen = false;
		}
	}

	private synchronized void printLine(String name, String text) {
		this.out.println(label(name) + text);
	}

	static String label(String name) {
		// Wide enough for the longest component name, notification-knative.
		return String.format(Locale.ROOT, "%-20s %s ", name, ELLIPSIS);
	}

}
