package io.meshgate.localplatform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What the launcher was asked to do.
 *
 * @param repository the repository root, where each service's jar is built
 * @param localDirectory where data, logs, pid files and secrets live (git-ignored)
 * @param postgresPort the PostgreSQL port before the offset
 * @param portOffset added to every port, so a second platform can run beside the first
 * @param clean whether to wipe the database before starting
 * @param exitWithParent whether to stop when the process that started the launcher ends
 * @param readinessTimeout how long each component may take to become ready
 * @param withObservability whether to run a trace UI and Prometheus too
 */
record LaunchOptions(Path repository, Path localDirectory, int postgresPort, int portOffset, boolean clean,
		boolean exitWithParent, Duration readinessTimeout, boolean withObservability) {

	// Not 5432: a developer's own PostgreSQL usually listens there.
	static final int DEFAULT_POSTGRES_PORT = 15432;

	static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofSeconds(90);

	static final String USAGE = """
			Usage: java -jar local-platform/target/local-platform.jar [options]
			   or: ./mvnw -Prun package

			Starts an embedded PostgreSQL and every built Meshgate service on 127.0.0.1.
			Ctrl-C stops everything.

			Options:
			  --clean               wipe the local database (accounts, keys) before starting
			  --postgres-port N     PostgreSQL port (default 15432)
			  --port-offset N       add N to every port, to run a second platform beside the first
			  --local-dir DIR       data, logs, pid files and secrets (default <repo>/.local)
			  --repo DIR            repository root (default: nearest parent directory with mvnw)
			  --readiness-timeout S seconds each component may take to become ready (default 90)
			  --with-observability  also run Zipkin (traces, :9411) and Prometheus (metrics, :9090;
			                        needs Debian's prometheus package)
			  --exit-with-parent    stop when the process that started the launcher ends
			  --help                print this help
			""";

	static LaunchOptions parse(List<String> arguments, Path workingDirectory) {
		Deque<String> remaining = new ArrayDeque<>(arguments);
		Path repository = null;
		Path localDirectory = null;
		int postgresPort = DEFAULT_POSTGRES_PORT;
		int portOffset = 0;
		boolean clean = false;
		boolean exitWithParent = false;
		boolean withObservability = false;
		Duration readinessTimeout = DEFAULT_READINESS_TIMEOUT;
		while (!remaining.isEmpty()) {
			String option = remaining.pop();
			switch (option) {
				case "--clean" -> clean = true;
				case "--exit-with-parent" -> exitWithParent = true;
				case "--with-observability" -> withObservability = true;
				case "--postgres-port" -> postgresPort = port(option, value(option, remaining));
				case "--port-offset" -> portOffset = number(option, value(option, remaining));
				case "--local-dir" -> localDirectory = workingDirectory.resolve(value(option, remaining));
				case "--repo" -> repository = workingDirectory.resolve(value(option, remaining));
				case "--readiness-timeout" ->
					readinessTimeout = Duration.ofSeconds(number(option, value(option, remaining)));
				default -> throw new IllegalArgumentException("unknown option " + option);
			}
		}
		repository = (repository != null) ? repository.normalize() : findRepository(workingDirectory);
		localDirectory = (localDirectory != null) ? localDirectory.normalize() : repository.resolve(".local");
		return new LaunchOptions(repository, localDirectory, postgresPort, portOffset, clean, exitWithParent,
				readinessTimeout, withObservability);
	}

	int port(int basePort) {
		return basePort + this.portOffset;
	}

	Path postgresDataDirectory() {
		return this.localDirectory.resolve("postgres");
	}

	Path logDirectory() {
		return this.localDirectory.resolve("logs");
	}

	Path runDirectory() {
		return this.localDirectory.resolve("run");
	}

	Path secretsFile() {
		return this.localDirectory.resolve("secrets.properties");
	}

	private static Path findRepository(Path workingDirectory) {
		for (Path directory = workingDirectory.toAbsolutePath().normalize(); directory != null; directory = directory
			.getParent()) {
			if (Files.isRegularFile(directory.resolve("mvnw"))) {
				return directory;
			}
		}
		throw new IllegalArgumentException(
				"no repository root (a directory with mvnw) above " + workingDirectory + "; pass --repo DIR");
	}

	private static String value(String option, Deque<String> remaining) {
		if (remaining.isEmpty()) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return remaining.pop();
	}

	private static int number(String option, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " needs a number, not '" + value + "'");
		}
	}

	private static int port(String option, String value) {
		int port = number(option, value);
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException(option + " needs a port between 1 and 65535, not " + port);
		}
		return port;
	}

}
