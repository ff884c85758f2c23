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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

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

	@TempDir
	Path localDirectory;

	private LaunchOptions options;

	private Platform platform;

	private OAuthTestClient browser;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void startPlatform() throws Exception {
		this.options = LaunchOptions.parse(
				List.of("--repo", REPOSITORY.toString(), "--local-dir", this.localDirectory.toString(), "--port-offset",
						String.valueOf(PlatformTestSupport.freePortOffset()), "--with-observability"),
				REPOSITORY);
		this.platform = new Platform(Components.plan(this.options).components(), System.out, Duration.ofMinutes(3));
		this.platform.start();
		this.browser = new OAuthTestClient("https://localhost:" + this.options.port(8443), null,
				PlatformTestSupport.trustingTheLocalCertificate(this.options));
	}

	@AfterAll
	void stopPlatform() {
		if (this.platform != null) {
			this.platform.stop();
		}
	}

	@Test
	void reviewReachesTheReviewerByMailInOneTrace() throws Exception {
		Reviewer reviewer = signUp();
		String productId = createProduct(reviewer, "Desk lamp");

		HttpResponse<String> review = postReview(reviewer, productId, "Bright, quiet and well made.");

		assertThat(review.statusCode()).isEqualTo(201);
		JsonNode mail = awaitMails(reviewer, 1).get(0);
		assertThat(mail.get("subject").asString()).contains("Desk lamp");
		assertThat(mail.get("mimeMessage").asString()).contains("To: " + reviewer.email())
			.contains("Bright, quiet and well made.");
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
		List<String> texts = IntStream.rangeClosed(1, 3)
			.mapToObj((i) -> "Review number " + i + " of the chair")
			.toList();

		notification.stop();
		try {
			for (String text : texts) {
				assertThat(postReview(reviewer, productId, text).statusCode()).isEqualTo(201);
			}
			assertThat(outboxBacklog()).isGreaterThanOrEqualTo(texts.size());
			assertThat(mails(reviewer)).isEmpty();
		}
		finally {
			notification.start();
			notification.awaitReady(Duration.ofMinutes(2));
		}

		await().atMost(Duration.ofMinutes(1)).until(() -> outboxBacklog() == 0);
		List<JsonNode> mails = awaitMails(reviewer, texts.size());
		assertThat(mails).hasSize(texts.size());
		for (String text : texts) {
			assertThat(mails).filteredOn((mail) -> mail.get("mimeMessage").asString().contains(text)).hasSize(1);
		}
	}

	private record Reviewer(String email, String accessToken) {

	}

	private Reviewer signUp() {
		String email = "reviewer-" + UUID.randomUUID() + "@example.com";
		assertThat(this.browser.signUp(email, PASSWORD, "Rita Reviewer").statusCode()).isEqualTo(201);
		return new Reviewer(email, this.browser.tokensFor(email, PASSWORD).get("access_token").asString());
	}

	private String createProduct(Reviewer writer, String name) {
		HttpResponse<String> created = this.browser.postJsonWithToken("/api/products", writer.accessToken(),
				JSON.createObjectNode()
					.put("name", name)
					.put("description", "End-to-end test product")
					.put("price", 49.90)
					.put("currency", "EUR")
					.toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return OAuthTestClient.json(created).get("id").asString();
	}

	private HttpResponse<String> postReview(Reviewer reviewer, String productId, String text) {
		return this.browser.postJsonWithToken("/api/reviews", reviewer.accessToken(),
				JSON.createObjectNode().put("productId", productId).put("rating", 5).put("text", text).toString());
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
