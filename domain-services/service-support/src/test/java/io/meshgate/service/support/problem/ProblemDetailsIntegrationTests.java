package io.meshgate.service.support.problem;

import java.net.http.HttpResponse;

import io.meshgate.service.testsupport.ServiceIntegrationTest;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static io.meshgate.service.testsupport.ServiceHttpClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error of a service built on service-support, whichever layer raised it, reaches
 * the client as the same kind of problem detail; the server's log has the rest, as JSON.
 */
@SpringBootTest(classes = ProblemTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsIntegrationTests extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestJwks.register(registry);
	}

	@Test
	void invalidBodyNamesTheFieldsInError() {
		HttpResponse<String> response = http().post("/things", TestTokens.valid().sign(), "{\"name\": \"\"}");

		JsonNode problem = assertProblem(response, 400, "/things");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("name");
		assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
	}

	@Test
	void problemOfTheServiceKeepsItsTypeTitleAndDetail() {
		HttpResponse<String> response = http().get("/things/unknown", TestTokens.valid().sign());

		JsonNode problem = assertProblem(response, 404, "/things/unknown");
		assertThat(problem.get("type").asString()).isEqualTo("https://meshgate.io/problems/thing-not-found");
		assertThat(problem.get("title").asString()).isEqualTo("Thing not found");
		assertThat(problem.get("detail").asString()).isEqualTo("There is no such thing.");
	}

	@Test
	void unexpectedFailureRevealsNothingToTheClient() {
		HttpResponse<String> response = http().get("/failure", TestTokens.valid().sign());

		assertProblem(response, 500, "/failure");
		assertThat(response.body()).doesNotContain("SELECT").doesNotContain("IllegalStateException");
	}

	@Test
	void unexpectedFailureIsLoggedAsOneJsonLineWithTraceAndStackTrace(CapturedOutput output) {
		HttpResponse<String> response = http().get("/failure", TestTokens.valid().sign());
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
	void missingTokenIsUnauthorizedWithBearerChallenge() {
		HttpResponse<String> response = http().get("/things");

		assertProblem(response, 401, "/things");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void refusedTokenIsUnauthorizedWithInvalidTokenChallenge() {
		HttpResponse<String> response = http().get("/things", TestTokens.valid().unsigned());

		assertProblem(response, 401, "/things");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
	}

	@Test
	void requestRuleOfTheServiceForbidsWithProblem() {
		HttpResponse<String> response = http().get("/admin", TestTokens.valid().roles("USER").sign());

		assertProblem(response, 403, "/admin");
	}

	@Test
	void requestRuleOfTheServiceAdmitsTheRole() {
		HttpResponse<String> response = http().get("/admin", TestTokens.valid().roles("ADMIN").sign());

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void methodSecurityForbidsWithTheSameProblem() {
		HttpResponse<String> response = http().get("/method-secured", TestTokens.valid().roles("USER").sign());

		assertProblem(response, 403, "/method-secured");
	}

}
