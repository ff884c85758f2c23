package io.meshgate.notification.benchmark;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import io.meshgate.notification.support.TestEvent;
import io.meshgate.notification.support.TestSmtp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Measures how long notification-knative takes from process start to its first 2xx answer
 * to an event (what a scale-from-zero delivery waits for), for a plain {@code java -jar}
 * and for the optimised start (the jar extracted, a JDK AOT cache, Spring AOT), on the
 * same JDK, in one run. Started by {@code benchmarks/notification-startup.sh}, which
 * builds the jar with {@code -Paot} first.
 * <p>
 * It brings what the service needs on loopback (an embedded PostgreSQL and GreenMail),
 * makes the AOT cache with a training run, then starts the service alternately plain and
 * optimised so that both see the same machine load, and prints each time, the medians and
 * their ratio. Every child process is stopped before it exits, also on failure, and every
 * wait is bounded.
 */
public final class StartupBenchmark {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);

	private static final int TRAINING_EVENTS = 50;

	private final Path java;

	private final Path jar;

	private final Path work;

	private final int runs;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final List<Process> children = Collections.synchronizedList(new ArrayList<>());

	private StartupBenchmark(Path java, Path jar, Path work, int runs) {
		this.java = java;
		this.jar = jar;
		this.work = work;
		this.runs = runs;
	}

	/**
	 * Arguments: the {@code java} to run the service with, the service's jar (built with
	 * {@code -Paot}), a scratch directory, and the number of starts per variant.
	 */
	public static void main(String[] args) throws Exception {
		if (args.length != 4) {
			System.err.println("usage: StartupBenchmark <java> <notification-knative.jar> <work-dir> <runs>");
			System.exit(2);
		}
		StartupBenchmark benchmark = new StartupBenchmark(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]),
				Integer.parseInt(args[3]));
		Runtime.getRuntime().addShutdownHook(new Thread(benchmark::stopChildren));
		benchmark.run();
	}

	private void run() throws Exception {
		Files.createDirectories(this.work);
		String loadBefore = loadAverage();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			GreenMail smtp = TestSmtp.start(0);
			try {
				Map<String, String> environment = environment(postgres, smtp.getSmtp().getPort());
				Path extracted = extract();
				Path cache = this.work.resolve("notification-knative.aot");
				train(extracted, cache, environment);
				List<Long> plain = new ArrayList<>();
				List<Long> optimised = new ArrayList<>();
				for (int run = 1; run <= this.runs; run++) {
					plain.add(measure("plain-" + run, plainCommand(), environment));
					optimised.add(measure("optimised-" + run, optimisedCommand(extracted, cache), environment));
					System.out.printf(Locale.ROOT, "run %d: plain %d ms, optimised %d ms%n", run,
							plain.get(plain.size() - 1), optimised.get(optimised.size() - 1));
				}
				report(plain, optimised, loadBefore);
			}
			finally {
				smtp.stop();
			}
		}
	}

	/** The JVM as a default image runs the fat jar, with nothing added. */
	private List<String> plainCommand() {
		return List.of(this.java.toString(), "-jar", this.jar.toString());
	}

	/**
	 * The jar extracted (the JDK caches only classes its own class loaders load, not
	 * those Spring Boot's loader reads from nested jars), started with the AOT cache of
	 * the training run (classes loaded and linked, method profiles: JEP 483/515) and
	 * Spring's build-time bean definitions. {@code AOTMode=on} makes a cache the JVM
	 * cannot use a failure instead of a silent plain start.
	 */
	private List<String> optimisedCommand(Path extracted, Path cache) {
		return List.of(this.java.toString(), "-XX:AOTMode=on", "-XX:AOTCache=" + cache, "-Dspring.aot.enabled=true",
				"-jar", extracted.toString());
	}

	/**
	 * {@code java -Djarmode=tools -jar app.jar extract}: the application jar and lib/.
	 */
	private Path extract() throws Exception {
		Path destination = this.work.resolve("extracted");
		Process process = start("extract", List.of(this.java.toString(), "-Djarmode=tools", "-jar", this.jar.toString(),
				"extract", "--destination", destination.toString()), Map.of());
		awaitExit(process, "extract");
		return destination.resolve(this.jar.getFileName());
	}

	/**
	 * The training run records which classes the optimised start loads and how the
	 * request path runs (enough events to profile it); a second JVM then assembles the
	 * cache from that record. Two explicit steps rather than {@code AOTCacheOutput},
	 * whose assembly runs in a child JVM that may still be writing when the training JVM
	 * has exited.
	 */
	private void train(Path extracted, Path cache, Map<String, String> environment) throws Exception {
		Path configuration = this.work.resolve("notification-knative.aotconf");
		Process process = start("training", List.of(this.java.toString(), "-XX:AOTMode=record",
				"-XX:AOTConfiguration=" + configuration, "-Dspring.aot.enabled=true", "-jar", extracted.toString()),
				environment);
		try {
			awaitFirstSuccess(process, environment);
			for (int i = 0; i < TRAINING_EVENTS; i++) {
				deliver(environment, TestEvent.reviewCreated((i % 5 == 0) ? null : TestEvent.freshAddress()));
				deliver(environment, TestEvent.reviewCreated(TestEvent.freshAddress()).withoutDataField("rating"));
			}
		}
		finally {
			stop(process);
		}
		Process assembly = start("assembly",
				List.of(this.java.toString(), "-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration,
						"-XX:AOTCache=" + cache, "-Dspring.aot.enabled=true", "-jar", extracted.toString()),
				environment);
		awaitExit(assembly, "assembly");
		System.out.printf(Locale.ROOT, "AOT cache: %s (%d MB)%n", cache, Files.size(cache) / (1024 * 1024));
	}

	private void awaitExit(Process process, String name) throws InterruptedException {
		if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException(name + " failed; see " + log(name));
		}
		this.children.remove(process);
	}

	private long measure(String name, List<String> command, Map<String, String> environment) throws Exception {
		long started = System.nanoTime();
		Process process = start(name, command, environment);
		try {
			awaitFirstSuccess(process, environment);
			return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		}
		finally {
			stop(process);
		}
	}

	/**
	 * Sends one fresh event until one is answered 2xx: connection refused means the
	 * server is not listening yet, so try again right away.
	 */
	private void awaitFirstSuccess(Process process, Map<String, String> environment) throws Exception {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		TestEvent event = TestEvent.reviewCreated(TestEvent.freshAddress());
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the service exited with " + process.exitValue());
			}
			try {
				int status = deliver(environment, event);
				if (status / 100 == 2) {
					return;
				}
				throw new IllegalStateException("first answer was " + status + ", not 2xx");
			}
			catch (ConnectException | HttpTimeoutException ex) {
				// A poll loop in a measuring tool: 5 ms is the resolution we measure
				// with.
				Thread.sleep(5);
			}
		}
		throw new IllegalStateException("no 2xx within " + START_TIMEOUT);
	}

	private int deliver(Map<String, String> environment, TestEvent event) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + environment.get("PORT") + "/"))
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(event.data()));
		event.headers().forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private Process start(String name, List<String> command, Map<String, String> environment) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log(name).toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		this.children.add(process);
		return process;
	}

	private void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		this.children.remove(process);
	}

	private void stopChildren() {
		List.copyOf(this.children).forEach(Process::destroyForcibly);
	}

	private Path log(String name) {
		return this.work.resolve(name + ".log");
	}

	/**
	 * What local-platform passes, on fresh loopback ports; {@code PORT} as Knative sets
	 * it.
	 */
	private static Map<String, String> environment(EmbeddedPostgres postgres, int smtpPort) throws Exception {
		String database = "notification_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create the benchmark database", ex);
		}
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("PORT", String.valueOf(freePort()));
		environment.put("SERVER_ADDRESS", "127.0.0.1");
		environment.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
		environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(freePort()));
		environment.put("SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", database));
		environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
		environment.put("SPRING_DATASOURCE_PASSWORD", "postgres");
		environment.put("SPRING_MAIL_HOST", "127.0.0.1");
		environment.put("SPRING_MAIL_PORT", String.valueOf(smtpPort));
		environment.put("MESHGATE_NOTIFICATION_MAIL_FROM", "Meshgate <no-reply@meshgate.benchmark>");
		return environment;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private void report(List<Long> plain, List<Long> optimised, String loadBefore) throws IOException {
		long plainMedian = median(plain);
		long optimisedMedian = median(optimised);
		String report = String.format(Locale.ROOT, """
				notification-knative: time from process start to the first 2xx answer to an event
				java:       %s (%s)
				cores:      %d
				load:       %s before, %s after (1, 5, 15 min; the machine is shared)
				runs:       %d per variant, alternating
				plain:      %s ms, median %d ms
				optimised:  %s ms, median %d ms
				ratio:      %.2f (optimised median / plain median)
				""", this.java, Runtime.version(), Runtime.getRuntime().availableProcessors(), loadBefore,
				loadAverage(), this.runs, plain, plainMedian, optimised, optimisedMedian,
				(double) optimisedMedian / plainMedian);
		System.out.print(report);
		Files.writeString(this.work.resolve("result.txt"), report);
	}

	/** The first three fields of /proc/loadavg, or "unknown" off Linux. */
	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return String.join(" ", fields[0], fields[1], fields[2]);
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
