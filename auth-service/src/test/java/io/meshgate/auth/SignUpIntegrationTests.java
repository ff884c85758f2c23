package io.meshgate.auth;

import io.meshgate.service.testsupport.OAuthTestClient;
import io.meshgate.service.testsupport.TestPostgres;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.meshgate.service.testsupport.OAuthTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/accounts}: what a client sees for good and bad input.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignUpIntegrationTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

	@LocalServerPort
	int port;

	OAuthTestClient client;

	@BeforeEach
	void client() {
		this.client = new OAuthTestClient(this.port);
	}

	@Test
	void createsAccountWithLocationAndNoPasswordInTheBody() {
		HttpResponse<String> response = this.client.signUp(uniqueEmail(), "a sufficiently long password", "Ada");

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode body = json(response);
		assertThat(response.headers().firstValue("Location")).hasValue("/api/accounts/" + body.get("id").asString());
		assertThat(body.get("displayName").asString()).isEqualTo("Ada");
		assertThat(response.body()).doesNotContain("password");
	}

	@Test
	void rejectsDuplicateEmailInAnyCaseWithConflict() {
		String email = uniqueEmail();
		this.client.signUp(email, "a sufficiently long password", "Ada");

		HttpResponse<String> response = this.client.signUp(email.toUpperCase(), "another long password", "Eve");

		assertProblem(response, 409);
		assertThat(json(response).get("title").asString()).isEqualTo("E-mail already registered");
	}

	@Test
	void rejectsShortPasswordNamingTheField() {
		HttpResponse<String> response = this.client.signUp(uniqueEmail(), "too short", "Ada");

		assertProblem(response, 400);
		assertThat(fieldsInError(response)).containsExactly("password");
	}

	@Test
	void rejectsMalformedEmailAndBlankName() {
		HttpResponse<String> response = this.client.signUp("not-an-email", "a sufficiently long password", " ");

		assertProblem(response, 400);
		assertThat(fieldsInError(response)).containsExactlyInAnyOrder("email", "displayName");
	}

	@Test
	void rejectsNameLongerThanHundredCharacters() {
		HttpResponse<String> response = this.client.signUp(uniqueEmail(), "a sufficiently long password",
				"x".repeat(101));

		assertProblem(response, 400);
		assertThat(fieldsInError(response)).containsExactly("displayName");
	}

	@Test
	void rejectsBodyThatIsNotJson() {
		HttpResponse<String> response = this.client.postJson("/api/accounts", "{\"email\": ");

		assertProblem(response, 400);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("tools.jackson");
	}

	@Test
	void rejectsUnknownFieldsInsteadOfIgnoringThem() {
		HttpResponse<String> response = this.client.postJson("/api/accounts", """
				{"email": "%s", "password": "a sufficiently long password", "displayName": "Ada", "roles": ["ADMIN"]}
				""".formatted(uniqueEmail()));

		assertProblem(response, 400);
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json(response);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("instance").asString()).isEqualTo("/api/accounts");
		assertThat(problem.get("traceId").asString()).matches("[0-9a-f]{32}");
	}

	private static java.util.List<String> fieldsInError(HttpResponse<String> response) {
		return json(response).get("errors").valueStream().map((error) -> error.get("field").asString()).toList();
	}

	private static String uniqueEmail() {
		return "user-" + UUID.randomUUID() + "@example.com";
	}

}
