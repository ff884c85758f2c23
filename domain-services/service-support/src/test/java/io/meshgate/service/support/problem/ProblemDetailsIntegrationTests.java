package io.meshgate.service.support.problem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error of a service built on service-support, whichever layer raised it, reaches
 * the client as the same kind of problem detail; the server's log has the rest, as JSON.
 */
@SpringBootTest(classes = ProblemTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestJwks.register(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void invalidBodyNamesTheFieldsInError() throws Exception {
		HttpResponse<String> response = send(
				request("/things", TestTokens.valid().sign()).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"\"}")));

		JsonNode problem = assertProblem(response, 400, "/things");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("name");
		assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
	}

	@Test
	void unexpectedFailureRevealsNothingToTheClient() throws Exception {
		HttpResponse<String> response = send(request("/failure", TestTokens.valid().sign()).GET());

		assertProblem(response, 500, "/failure");
		assertThat(response.body()).doesNotContain("SELECT").doesNotContain("IllegalStateException");
	}

	@Test
	void unexpectedFailureIsLoggedAsOneJsonLineWithTraceAndStackTrace(CapturedOutput output) throws Exception {
		HttpResponse<String> response = send(request("/failure", TestTokens.valid().sign()).GET());
		String traceId = json(response).get("traceId").asString();

		String line = output.getOut()
			.lines()
			.filter((candidate) -> candidate.contains("\"traceId\":\"" + traceId + "\""))
			.filter((candidate) -> candidate.contains("stack_trace"))
			.findFirst()
			.orElseThrow();
		JsonNode event = JsonMapper.shared().readTree(line);
		assertThat(event.get("@timestamp").asString()).isNotBlank();
		assertThat(event.get("level").asString()).isEqualTo("ERROR");
		assertThat(event.get("logger").asString()).isEqualTo(ProblemDetailsAdvice.class.getName());
		assertThat(event.get("message").asString()).isEqualTo("Unexpected error");
		assertThat(event.get("service").asString()).isEqualTo("support-test-service");
		assertThat(event.get("spanId").asString()).matches("[0-9a-f]{16}");
		assertThat(event.get("stack_trace").asString()).contains("SELECT secret FROM accounts");
	}

	@Test
	void missingTokenIsUnauthorizedWithBearerChallenge() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/things")).GET());

		assertProblem(response, 401, "/things");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void refusedTokenIsUnauthorizedWithInvalidTokenChallenge() throws Exception {
		HttpResponse<String> response = send(request("/things", TestTokens.valid().unsigned()).GET());

		assertProblem(response, 401, "/things");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
	}

	@Test
	void requestRuleOfTheServiceForbidsWithProblem() throws Exception {
		HttpResponse<String> response = send(request("/admin", TestTokens.valid().roles("USER").sign()).GET());

		assertProblem(response, 403, "/admin");
	}

	@Test
	void requestRuleOfTheServiceAdmitsTheRole() throws Exception {
		HttpResponse<String> response = send(request("/admin", TestTokens.valid().roles("ADMIN").sign()).GET());

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void methodSecurityForbidsWithTheSameProblem() throws Exception {
		HttpResponse<String> response = send(request("/method-secured", TestTokens.valid().roles("USER").sign()).GET());

		assertProblem(response, 403, "/method-secured");
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body());
	}

	private HttpRequest.Builder request(String path, String token) {
		return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}
