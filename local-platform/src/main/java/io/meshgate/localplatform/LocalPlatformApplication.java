package io.meshgate.localplatform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole platform locally: {@code java -jar local-platform.jar}, stopped with
 * Ctrl-C.
 */
public final class LocalPlatformApplication {

	private static volatile boolean shutdownRequested;

	private LocalPlatformApplication() {
	}

	public static void main(String[] args) throws InterruptedException {
		List<String> arguments = Arrays.asList(args);
		if (arguments.contains("--help")) {
			System.out.print(LaunchOptions.USAGE);
			return;
		}
		LaunchOptions options = parse(arguments);
		try {
			LauncherLock.acquire(options.runDirectory());
		}
		catch (IOException ex) {
			exit(1, "Cannot start: " + ex.getMessage());
		}
		Components.Plan plan = Components.plan(options);
		Platform platform = new Platform(plan.components(), System.out, options.readinessTimeout());
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			shutdownRequested = true;
			platform.stop();
		}, "local-platform-stop"));
		if (options.exitWithParent()) {
			exitWithParent();
		}
		run(platform, plan, options);
		// Everything runs in child processes; the launcher only waits for Ctrl-C.
		new CountDownLatch(1).await();
	}

	private static void run(Platform platform, Components.Plan plan, LaunchOptions options) {
		System.out.println("Starting Meshgate locally (logs in " + options.logDirectory() + ")");
		plan.notBuilt()
			.forEach((service) -> System.out.println(Platform.label(service.name()) + "skipped: "
					+ options.repository().relativize(service.jar(options.repository()))
					+ " not built (./mvnw package builds it)"));
		try {
			platform.start();
		}
		catch (ComponentFailure ex) {
			if (!shutdownRequested) {
				exit(1, ex.getMessage());
			}
			return;
		}
		printSummary(platform, options, System.out);
	}

	private static void printSummary(Platform platform, LaunchOptions options, PrintStream out) {
		out.println();
		out.println("Meshgate is running:");
		for (Component component : platform.components()) {
			// As wide as the start-up lines: "notification-knative" is 20 characters.
			String label = String.format("  %-21s", component.name());
			for (String line : component.summary()) {
				out.println(label + line);
				label = " ".repeat(label.length());
			}
		}
		out.println(String.format("  %-21s%s", "logs", options.logDirectory()));
		if (Files.exists(options.secretsFile())) {
			out.println(String.format("  %-21s%s", "secrets", options.secretsFile()));
		}
		out.println("Press Ctrl-C to stop.");
	}

	private static LaunchOptions parse(List<String> arguments) {
		try {
			return LaunchOptions.parse(arguments, Path.of("").toAbsolutePath());
		}
		catch (IllegalArgumentException ex) {
			exit(2, ex.getMessage() + System.lineSeparator() + System.lineSeparator() + LaunchOptions.USAGE);
			throw ex;
		}
	}

	private static void exitWithParent() {
		// Maven's exec plugin passes no signal on when Maven alone is killed (plain kill
		// or kill -9): without this the platform would outlive it.
		ProcessHandle.current().parent().ifPresent((parent) -> parent.onExit().thenRun(() -> {
			System.out.println("The process that started the launcher ended; stopping.");
			System.exit(0);
		}));
	}

	private static void exit(int status, String message) {
		System.err.println(message);
		System.exit(status);
	}

}
