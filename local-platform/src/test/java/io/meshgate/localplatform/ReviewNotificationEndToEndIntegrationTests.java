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
		String productId = createProduct(reviewer, "Desk lamp");

		HttpResponse<String> review = postReview(reviewer, productId, 4, "Bright, quiet and well made.");

		assertThat(review.statusCode()).isEqualTo(201);
		JsonNode mail = awaitMails(reviewer, 1).get(0);
		assertThat(mail.get("subject").asString()).isEqualTo("Thanks for your review of Desk lamp");
		assertThat(mail.get("mimeMessage").asString()).contains("To: " + reviewer.email())
			.contains("You rated it 4 out of 5 stars");
		String traceId = accessLogTraceId("POST", "/api/reviews", 201);
		assertThat(logLinesWithTraceId("review-service", traceId)).isNotEmpty();
		assertThat(logLinesWithTraceId("notification-knative", traceId)).isNotEmpty();
		assertThat(awaitServerSpans(traceId))
			.containsAll(List.of("api-gateway", "review-service", "product-service", "notification-knative"));
	}

	@Test
	void reviewsPostedWhileNotificationIsDownAreMailedOnceEachWhenItReturns() throws Exception {
		Reviewer reviewer = signUp();
		String productId = createProduct(reviewer, "Reading chair");
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

	/**
	 * A person with their own browser: a shared one would still be signed in as the
	 * previous person, and auth-service would rightly issue the token for that session.
	 */
	private record Reviewer(OAuthTestClient browser, String email, String accessToken) {

	}

	private Reviewer signUp() throws Exception {
		OAuthTestClient browser = new OAuthTestClient("https://localhost:" + this.options.port(8443), null,
				PlatformTestSupport.trustingTheLocalCertificate(this.options));
		String email = "reviewer-" + UUID.randomUUID() + "@example.com";
		assertThat(browser.signUp(email, PASSWORD, "Rita Reviewer").statusCode()).isEqualTo(201);
		return new Reviewer(browser, email, browser.tokensFor(email, PASSWORD).get("access_token").asString());
	}

	private String createProduct(Reviewer writer, String name) {
		HttpResponse<String> created = writer.browser()
			.postJsonWithToken("/api/products", writer.accessToken(),
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
		String trace = "http://127.0.0.1:" + this.options.port(9411) + "/api/v2/trace/" + traceId;
		return await().atMost(Duration.ofMinutes(1)).until(() -> {
			HttpResponse<String> response = get(trace);
			if (response.statusCode() != 200) {
				return List.<String>of();
			}
			return JSON.readTree(response.body())
				.valueStream()
				.filter((span) -> "SERVER".equals(text(span, "kind")))
				.map((span) -> span.path("localEndpoint").path("serviceName").asString(""))
				.distinct()
				.toList();
		}, (services) -> services.size() >= 4);
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

	private List<JsonNode> logLinesWithTraceId(String service, String traceId) throws IOException {
		return logLines(service).stream().filter((line) -> traceId.equals(text(line, "traceId"))).toList();
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
