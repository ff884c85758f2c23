package io.meshgate.localplatform;

import static io.meshgate.localplatform.ServiceDefinition.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.meshgate.service.testsupport.OAuthTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real platform (embedded PostgreSQL and the built services) in a temporary
 * directory on free ports, so that it never meets a developer's running platform.
 */
class LocalPlatformIntegrationTests {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	private static final Duration STARTUP = Duration.ofMinutes(3);

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path localDirectory;

	private LaunchOptions options;

	@BeforeEach
	void chooseFreePorts() {
		this.options = LaunchOptions
			.parse(List.of("--repo", REPOSITORY.toString(), "--local-dir", this.localDirectory.toString(),
					"--port-offset", String.valueOf(PlatformTestSupport.freePortOffset(9990, 9991))), REPOSITORY);
	}

	@Test
	void startsEveryServiceHealthyAndStopsWithoutLeavingAProcess() throws Exception {
		requireEveryServiceBuilt();
		Platform platform = platform(Components.plan(this.options));
		List<ProcessHandle> processes;
		try {
			platform.start();
			processes = processesOf(platform.components());
			assertThat(processes).hasSize(platform.components().size());
			assertEveryServiceReady();
			assertEveryDatabaseAcceptsItsService();
			// The public origin is the gateway's, over HTTPS with the certificate made on
			// first start, and it reaches auth-service through discovery.
			HttpResponse<String> discovery = getThroughGateway("/.well-known/openid-configuration");
			assertThat(discovery.body()).contains("\"issuer\":\"" + gatewayUrl() + "\"");
			assertThat(discovery.version()).isEqualTo(HttpClient.Version.HTTP_2);
			assertThat(discovery.headers().firstValue("Strict-Transport-Security")).isPresent();
			assertPersonSignsUpGetsTokenAndReadsTheirProfileThroughTheGateway();
		}
		finally {
			platform.stop();
		}
		assertAllEnded(processes);
		assertNothingLeftRunning();
	}

	@Test
	void startsAgainAfterTheLauncherWasKilledLeavingItsProcessesBehind() throws Exception {
		requireEveryServiceBuilt();
		Process launcher = startLauncherProcess();
		await().atMost(STARTUP).until(() -> !launcher.isAlive() || launcherOutput().contains("Press Ctrl-C"));
		assertThat(launcherOutput()).contains("Press Ctrl-C");
		launcher.destroyForcibly().waitFor();
		Components.Plan plan = Components.plan(this.options);
		List<ProcessHandle> leftovers = processesOf(plan.components());
		assertThat(leftovers).hasSize(plan.components().size()).allMatch(ProcessHandle::isAlive);

		Platform platform = platform(plan);
		try {
			platform.start();
			assertAllEnded(leftovers);
			assertEveryServiceReady();
		}
		finally {
			platform.stop();
		}
		assertNothingLeftRunning();
	}

	@Test
	void failingServiceStopsTheStartAndWhatAlreadyStarted() throws IOException {
		Path module = Files.createDirectories(this.localDirectory.resolve("broken-service/target")).getParent();
		Files.writeString(module.resolve("target/broken-service.jar"), "not a jar");
		ServiceDefinition broken = service("broken-service", 9990, 9991).inModule(module.toString())
			.withDatabase("broken");
		Platform platform = platform(Components.plan(this.options, List.of(broken)));

		assertThatExceptionOfType(ComponentFailure.class).isThrownBy(platform::start).satisfies((failure) -> {
			assertThat(failure.component()).isEqualTo("broken-service");
			assertThat(failure.logFile()).isEqualTo(this.options.logDirectory().resolve("broken-service.log"));
			assertThat(failure.getMessage()).contains("broken-service failed to start: exited with code 1")
				.contains(failure.logFile().toString())
				.contains("Invalid or corrupt jarfile");
		});
		assertNothingLeftRunning();
		assertThat(Ports.isFree(this.options.port(this.options.postgresPort()))).isTrue();
	}

	private void requireEveryServiceBuilt() {
		for (ServiceDefinition service : Components.SERVICES) {
			assertThat(service.jar(REPOSITORY))
				.as("build %s first: ./mvnw verify builds it before local-platform", service.name())
				.isRegularFile();
		}
	}

	private Platform platform(Components.Plan plan) {
		return new Platform(plan.components(), System.out, STARTUP);
	}

	private Process startLauncherProcess() throws IOException {
		// The test's own class path runs the launcher as a developer would, in its own
		// JVM.
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), LocalPlatformApplication.class.getName(), "--repo",
				REPOSITORY.toString(), "--local-dir", this.localDirectory.toString(), "--port-offset",
				String.valueOf(this.options.portOffset()))
			.redirectErrorStream(true)
			.redirectOutput(this.localDirectory.resolve("launcher.out").toFile())
			.start();
	}

	private String launcherOutput() throws IOException {
		return Files.readString(this.localDirectory.resolve("launcher.out"));
	}

	private void assertEveryServiceReady() throws Exception {
		for (ServiceDefinition service : Components.SERVICES) {
			String readiness = "http://127.0.0.1:" + this.options.port(service.managementPort())
					+ "/actuator/health/readiness";
			assertThat(get(readiness).statusCode()).as(readiness).isEqualTo(200);
		}
	}

	private void assertEveryDatabaseAcceptsItsService() throws SQLException {
		Secrets secrets = Secrets.load(this.options.secretsFile());
		for (ServiceDefinition service : Components.SERVICES) {
			for (String database : service.databaseName().stream().toList()) {
				DatabaseAccount account = DatabaseAccount.of(database, secrets);
				String url = "jdbc:postgresql://127.0.0.1:" + this.options.port(this.options.postgresPort()) + "/"
						+ database;
				try (Connection connection = DriverManager.getConnection(url, account.name(), account.password())) {
					assertThat(connection.isValid(5)).as(url).isTrue();
				}
			}
		}
	}

	private void assertAllEnded(List<ProcessHandle> processes) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(processes).noneMatch(ProcessHandle::isAlive));
	}

	private void assertNothingLeftRunning() {
		assertThat(processesMentioning(this.localDirectory)).isEmpty();
	}

	/**
	 * The happy path a newcomer follows, all through https://localhost:8443: sign-up, the
	 * login form and code + PKCE, then the member-service behind the gateway.
	 */
	private void assertPersonSignsUpGetsTokenAndReadsTheirProfileThroughTheGateway() throws Exception {
		OAuthTestClient browser = new OAuthTestClient(gatewayUrl(), null,
				PlatformTestSupport.trustingTheLocalCertificate(this.options));
		String email = "newcomer-" + UUID.randomUUID() + "@example.com";
		HttpResponse<String> signUp = browser.signUp(email, "a long enough password", "Newcomer");
		assertThat(signUp.statusCode()).isEqualTo(201);

		String accessToken = browser.tokensFor(email, "a long enough password").get("access_token").asString();
		HttpResponse<String> profile = browser.getWithToken("/api/members/me", accessToken);

		assertThat(profile.statusCode()).isEqualTo(200);
		assertThat(profile.headers().firstValue("ETag")).isPresent();
		assertThat(OAuthTestClient.json(profile).get("id").asString())
			.isEqualTo(OAuthTestClient.json(signUp).get("id").asString());
	}

	private String gatewayUrl() {
		return "https://localhost:" + this.options.port(8443);
	}

	private HttpResponse<String> getThroughGateway(String path) throws Exception {
		HttpClient https = HttpClient.newBuilder()
			.sslContext(PlatformTestSupport.trustingTheLocalCertificate(this.options))
			.build();
		return https.send(HttpRequest.newBuilder(URI.create(gatewayUrl() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<ProcessHandle> processesOf(List<Component> components) {
		return components.stream().flatMap((component) -> component.processes().stream()).toList();
	}

	/** Processes whose command line names the directory: postgres has it as -D. */
	private static List<String> processesMentioning(Path directory) {
		try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
			return all.flatMap((process) -> process.info().commandLine().stream())
				.filter((commandLine) -> commandLine.contains(directory.toString()))
				.toList();
		}
	}

}
