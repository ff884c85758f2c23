package io.meshgate.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.meshgate.service.testsupport.OAuthTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review path with everything real on loopback, as a person meets it through
 * https://localhost:8443: sign-up and token, a product, a review, its event through the
 * outbox to notification-knative, and the e-mail at the SMTP server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewNotificationEndToEndIntegrationTests {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	private static final String PASSWORD = "a long enough password";

	/** The account auth-service seeds in the local profile (application-local.yaml). */
	private static final String DEMO_EMAIL = "demo@meshgate.local";

	private static final String DEMO_PASSWORD = "meshgate-demo-password";

	/** Every metric an alert or dashboard reads, with who exposes it. */
	private static final Path METRIC_NAMES = Path.of("observability/prometheus/metric-names.tsv");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// Static: injected before @BeforeAll starts the platform in it.
	@TempDir
	static Path localDirectory;

	private LaunchOptions options;

	private Platform platform;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void startPlatform() throws Exception {
		this.options = LaunchOptions
			.parse(List.of("--repo", REPOSITORY.toString(), "--local-dir", localDirectory.toString(), "--port-offset",
					String.valueOf(PlatformTestSupport.freePortOffset()), "--with-observability"), REPOSITORY);
		this.platform = new Platform(Components.plan(this.options).components(), System.out, Duration.ofMinutes(3));
		this.platform.start();
	}

	/** Stops everything and keeps the logs in target/, where CI can show them. */
	@AfterAll
	void stopPlatform() throws IOException {
		if (this.platform != null) {
			this.platform.stop();
		}
		Path kept = Path.of("target/end-to-end-logs");
		Files.createDirectories(kept);
		try (Stream<Path> logs = Files.list(this.options.logDirectory())) {
			for (Path log : logs.toList()) {
				Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	@Test
	void reviewReachesTheReviewerByMailInOneTrace() throws Exception {
		Reviewer reviewer = signUp();
		String productId = createProduct("Desk lamp");

		HttpResponse<String> review = postReview(reviewer, productId, 4, "Bright, quiet and well made.");

		assertThat(review.statusCode()).isEqualTo(201);
		JsonNode mail = awaitMails(reviewer, 1).get(0);
		assertThat(mail.get("subject").asString()).isEqualTo("Thanks for your review of Desk lamp");
		assertThat(mail.get("mimeMessage").asString()).contains("To: " + reviewer.email())
			.contains("You rated it 4 out of 5 stars");
		String traceId = accessLogTraceId("POST", "/api/reviews", 201);
		// Every line of the run through the cluster's index template, found again by
		// trace id.
		try (LogIndex logs = LogIndex.start(localDirectory.resolve("log-index"), REPOSITORY)) {
			logs.indexServiceLogs(this.options.logDirectory());
			assertThat(logs.findByTraceId(traceId)).extracting(LogIndex.LogLine::service)
				.contains("api-gateway", "review-service", "notification-knative");
		}
		assertThat(awaitServerSpans(traceId))
			.containsAll(List.of("api-gateway", "review-service", "product-service", "notification-knative"));
	}

	@Test
	void aPersonWhoOnlySignedUpCannotChangeTheCatalog() throws Exception {
		Reviewer reviewer = signUp();

		HttpResponse<String> created = reviewer.browser()
			.postJsonWithToken("/api/products", reviewer.accessToken(),
					JSON.createObjectNode()
						.put("name", "Free lunch")
						.put("price", 0)
						.put("currency", "EUR")
						.toString());

		assertThat(created.statusCode()).as(created.body()).isEqualTo(403);
	}

	@Test
	void reviewsPostedWhileNotificationIsDownAreMailedOnceEachWhenItReturns() throws Exception {
		Reviewer reviewer = signUp();
		String productId = createProduct("Reading chair");
		Component notification = component("notification-knative");
		// The mail names the rating, not the text: each review of the outage rates
		// differently.
		List<Integer> ratings = List.of(1, 2, 3);

		notification.stop();
		try {
			for (int rating : ratings) {
				assertThat(postReview(reviewer, productId, rating, "Posted during the outage").statusCode())
					.isEqualTo(201);
			}
			assertThat(outboxBacklog()).isGreaterThanOrEqualTo(ratings.size());
			assertThat(mails(reviewer)).isEmpty();
		}
		finally {
			notification.start();
			notification.awaitReady(Duration.ofMinutes(2));
		}

		await().atMost(Duration.ofMinutes(1)).until(() -> outboxBacklog() == 0);
		List<JsonNode> mails = awaitMails(reviewer, ratings.size());
		assertThat(mails).hasSize(ratings.size());
		for (int rating : ratings) {
			assertThat(mails)
				.filteredOn((mail) -> mail.get("mimeMessage").asString().contains("You rated it " + rating + " out"))
				.hasSize(1);
		}
	}

	@Test
	void alertsAndDashboardsReadMetricsTheServicesExposeWithTraceIdsAsExemplars() throws Exception {
		Instant start = Instant.now();
		Reviewer reviewer = signUp();
		String productId = createProduct("Desk fan");
		assertThat(postReview(reviewer, productId, 5, "Quiet, even on the highest setting.").statusCode())
			.isEqualTo(201);
		PrometheusApi prometheus = new PrometheusApi(this.options.port(9090));

		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> assertThat(prometheus.targetsNotUp()).as("scrape targets not up").isEmpty());
		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> assertThat(metricsNotExposed(prometheus))
				.as("metrics that rules or dashboards read (%s) but no service exposes", METRIC_NAMES)
				.isEmpty());
		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> assertThat(prometheus.appsExposing("http_server_requests_seconds_bucket"))
				.as("services with latency histograms, which the SLO alerts need")
				.contains("api-gateway", "auth-service", "product-service", "review-service", "notification-knative"));
		// Exemplars are samples (one per bucket, kept a few seconds), not one per
		// request:
		// what must hold is that each one leads to its request's trace.
		for (String service : List.of("api-gateway", "review-service")) {
			String posts = "http_server_requests_seconds_bucket{app=\"%s\",method=\"POST\"}".formatted(service);
			List<String> traceIds = await().atMost(Duration.ofMinutes(1))
				.until(() -> prometheus.exemplarTraceIds(posts, start), (ids) -> !ids.isEmpty());
			await().atMost(Duration.ofMinutes(1))
				.untilAsserted(() -> assertThat(traceIds).as("traces of %s's latency exemplars", service)
					.allSatisfy((traceId) -> assertThat(serverSpanServices(traceId)).contains(service)));
		}
	}

	/**
	 * The metrics our services should expose (not Istio's, Knative's…) that none does.
	 */
	private List<String> metricsNotExposed(PrometheusApi prometheus) throws IOException, InterruptedException {
		List<String> missing = new ArrayList<>();
		for (String line : Files.readAllLines(REPOSITORY.resolve(METRIC_NAMES))) {
			String[] columns = line.split("\t");
			if (!line.startsWith("#") && columns.length == 2 && columns[1].equals("meshgate")
					&& prometheus.appsExposing(columns[0]).isEmpty()) {
				missing.add(columns[0]);
			}
		}
		return missing;
	}

	/**
	 * A person with their own browser: a shared one would still be signed in as the
	 * previous person, and auth-service would rightly issue the token for that session.
	 */
	private record Reviewer(OAuthTestClient browser, String email, String accessToken) {

	}

	private Reviewer signUp() throws Exception {
		OAuthTestClient browser = browser();
		String email = "reviewer-" + UUID.randomUUID() + "@example.com";
		assertThat(browser.signUp(email, PASSWORD, "Rita Reviewer").statusCode()).isEqualTo(201);
		return new Reviewer(browser, email, browser.tokensFor(email, PASSWORD).get("access_token").asString());
	}

	/** A browser of its own, which no earlier person is signed in to. */
	private OAuthTestClient browser() throws Exception {
		return new OAuthTestClient("https://localhost:" + this.options.port(8443), null,
				PlatformTestSupport.trustingTheLocalCertificate(this.options));
	}

	/**
	 * A product, created as the local demo account, which holds the catalog editor role:
	 * a person who only signed up gets no {@code products.write}.
	 */
	private String createProduct(String name) throws Exception {
		OAuthTestClient editor = browser();
		String accessToken = editor.tokensFor(DEMO_EMAIL, DEMO_PASSWORD).get("access_token").asString();
		HttpResponse<String> created = editor.postJsonWithToken("/api/products", accessToken,
				JSON.createObjectNode()
					.put("name", name)
					.put("description", "End-to-end test product")
					.put("price", 49.90)
					.put("currency", "EUR")
					.toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return OAuthTestClient.json(created).get("id").asString();
	}

	private HttpResponse<String> postReview(Reviewer reviewer, String productId, int rating, String text) {
		return reviewer.browser()
			.postJsonWithToken("/api/reviews", reviewer.accessToken(),
					JSON.createObjectNode()
						.put("productId", productId)
						.put("rating", rating)
						.put("text", text)
						.toString());
	}

	private List<JsonNode> awaitMails(Reviewer reviewer, int count) {
		return await().atMost(Duration.ofMinutes(1)).until(() -> mails(reviewer), (mails) -> mails.size() >= count);
	}

	/** What the SMTP server received for the address, through GreenMail's REST API. */
	private List<JsonNode> mails(Reviewer reviewer) throws IOException, InterruptedException {
		HttpResponse<String> response = get(
				"http://127.0.0.1:" + this.options.port(8025) + "/api/user/" + reviewer.email() + "/messages/");
		if (response.statusCode() != 200) {
			return List.of();
		}
		return JSON.readTree(response.body()).valueStream().toList();
	}

	/**
	 * The services with a server span in the trace, as Zipkin received it: the gateway's,
	 * review-service's, product-service's (the existence check) and notification's (the
	 * event, continued from the outbox).
	 */
	private List<String> awaitServerSpans(String traceId) {
		return await().atMost(Duration.ofMinutes(1))
			.until(() -> serverSpanServices(traceId), (services) -> services.size() >= 4);
	}

	/** The services with a server span in the trace, as Zipkin has it now. */
	private List<String> serverSpanServices(String traceId) throws IOException, InterruptedException {
		HttpResponse<String> response = get("http://127.0.0.1:" + this.options.port(9411) + "/api/v2/trace/" + traceId);
		if (response.statusCode() != 200) {
			return List.of();
		}
		return JSON.readTree(response.body())
			.valueStream()
			.filter((span) -> "SERVER".equals(text(span, "kind")))
			.map((span) -> span.path("localEndpoint").path("serviceName").asString(""))
			.distinct()
			.toList();
	}

	private long outboxBacklog() throws IOException, InterruptedException {
		String metrics = get("http://127.0.0.1:" + this.options.port(9103) + "/actuator/prometheus").body();
		return metrics.lines()
			.filter((line) -> line.startsWith("meshgate_outbox_backlog"))
			.mapToLong((line) -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	/** The trace id the gateway's access log gave the newest matching request. */
	private String accessLogTraceId(String method, String path, int status) throws IOException {
		return logLines("api-gateway").stream()
			.filter((line) -> "meshgate.access".equals(text(line, "logger")))
			.filter((line) -> method.equals(text(line, "method")) && path.equals(text(line, "path")))
			.filter((line) -> line.path("status").asInt() == status)
			.reduce((first, second) -> second)
			.map((line) -> text(line, "traceId"))
			.orElseThrow(() -> new AssertionError("no access-log line for " + method + " " + path));
	}

	private List<JsonNode> logLines(String service) throws IOException {
		return Files.readAllLines(this.options.logDirectory().resolve(service + ".log"))
			.stream()
			.filter((line) -> line.startsWith("{"))
			.map(JSON::readTree)
			.toList();
	}

	private static String text(JsonNode line, String field) {
		return line.path(field).asString("");
	}

	private Component component(String name) {
		return this.platform.components()
			.stream()
			.filter((component) -> component.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
