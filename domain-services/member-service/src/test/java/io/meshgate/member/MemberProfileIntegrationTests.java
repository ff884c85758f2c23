package io.meshgate.member;

import java.net.http.HttpResponse;

import io.meshgate.member.support.MemberServiceIntegrationTest;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static io.meshgate.service.testsupport.ProblemAssertions.fieldsInError;
import static io.meshgate.service.testsupport.ServiceHttpClient.entityTag;
import static io.meshgate.service.testsupport.ServiceHttpClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /me} and {@code PUT /me}: the caller's profile, created from the token,
 * changed only at the version the caller read.
 */
class MemberProfileIntegrationTests extends MemberServiceIntegrationTest {

	private static final String VALID_CHANGE = """
			{"displayName": "Ada Lovelace", "bio": "Wrote the first program.", "locale": "en-GB"}
			""";

	@Test
	void firstGetCreatesProfileFromToken() {
		TestTokens token = TestTokens.valid().claim("name", "Ada").claim("email", "ada@example.com");

		HttpResponse<String> response = http().get("/me", token.sign());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(entityTag(response)).isEqualTo("\"0\"");
		JsonNode profile = json(response);
		assertThat(profile.get("id").asString()).isEqualTo(token.subject());
		assertThat(profile.get("displayName").asString()).isEqualTo("Ada");
		assertThat(profile.get("email").asString()).isEqualTo("ada@example.com");
		assertThat(profile.get("createdAt").asString()).isNotBlank();
		assertThat(profile.has("version")).isFalse();
	}

	@Test
	void firstGetWithoutProfileClaimsStartsWithEmptyName() {
		HttpResponse<String> response = http().get("/me", TestTokens.valid().sign());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("displayName").asString()).isEmpty();
		assertThat(json(response).get("email").isNull()).isTrue();
	}

	@Test
	void laterGetReturnsTheSameProfile() {
		TestTokens token = TestTokens.valid().claim("name", "Ada");
		HttpResponse<String> first = http().get("/me", token.sign());

		HttpResponse<String> second = http().get("/me", token.claim("name", "Renamed in the token").sign());

		assertThat(entityTag(second)).isEqualTo(entityTag(first));
		assertThat(json(second).get("displayName").asString()).isEqualTo("Ada");
		assertThat(json(second).get("createdAt")).isEqualTo(json(first).get("createdAt"));
	}

	@Test
	void putWithCurrentETagUpdatesAndReturnsNewETag() {
		String token = TestTokens.valid().sign();
		String read = entityTag(http().get("/me", token));

		HttpResponse<String> response = http().put("/me", token, read, VALID_CHANGE);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(entityTag(response)).isEqualTo("\"1\"").isNotEqualTo(read);
		JsonNode profile = json(response);
		assertThat(profile.get("displayName").asString()).isEqualTo("Ada Lovelace");
		assertThat(profile.get("bio").asString()).isEqualTo("Wrote the first program.");
		assertThat(profile.get("locale").asString()).isEqualTo("en-GB");
		HttpResponse<String> reread = http().get("/me", token);
		assertThat(entityTag(reread)).isEqualTo("\"1\"");
		assertThat(json(reread).get("displayName").asString()).isEqualTo("Ada Lovelace");
	}

	@Test
	void putWithStaleETagFailsWithPreconditionFailed() {
		String token = TestTokens.valid().sign();
		String read = entityTag(http().get("/me", token));
		http().put("/me", token, read, VALID_CHANGE);

		HttpResponse<String> response = http().put("/me", token, read, """
				{"displayName": "Lost update"}
				""");

		JsonNode problem = assertProblem(response, 412, "/me");
		assertThat(problem.get("type").asString()).isEqualTo("https://meshgate.io/problems/profile-changed");
		assertThat(json(http().get("/me", token)).get("displayName").asString()).isEqualTo("Ada Lovelace");
	}

	@Test
	void putWithWeakETagFailsWithPreconditionFailed() {
		String token = TestTokens.valid().sign();
		String read = entityTag(http().get("/me", token));

		HttpResponse<String> response = http().put("/me", token, "W/" + read, VALID_CHANGE);

		assertProblem(response, 412, "/me");
	}

	@Test
	void putBeforeProfileExistsFailsWithPreconditionFailed() {
		HttpResponse<String> response = http().put("/me", TestTokens.valid().sign(), "\"0\"", VALID_CHANGE);

		assertProblem(response, 412, "/me");
	}

	@Test
	void putWithoutIfMatchFailsWithPreconditionRequired() {
		String token = TestTokens.valid().sign();
		http().get("/me", token);

		HttpResponse<String> response = http().put("/me", token, null, VALID_CHANGE);

		JsonNode problem = assertProblem(response, 428, "/me");
		assertThat(problem.get("type").asString()).isEqualTo("https://meshgate.io/problems/precondition-required");
	}

	@Test
	void putWithIfMatchAnyUpdatesExistingProfile() {
		String token = TestTokens.valid().sign();
		http().get("/me", token);

		HttpResponse<String> response = http().put("/me", token, "*", VALID_CHANGE);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(entityTag(response)).isEqualTo("\"1\"");
	}

	@Test
	void putWithInvalidFieldsNamesEachOfThem() {
		String token = TestTokens.valid().sign();
		String read = entityTag(http().get("/me", token));

		HttpResponse<String> response = http().put("/me", token, read, """
				{"displayName": " ", "bio": "%s", "locale": "not a locale"}
				""".formatted("x".repeat(501)));

		JsonNode problem = assertProblem(response, 400, "/me");
		assertThat(problem.get("type").asString()).isEqualTo("https://meshgate.io/problems/invalid-request");
		assertThat(fieldsInError(response)).containsExactlyInAnyOrder("displayName", "bio", "locale");
		assertThat(entityTag(http().get("/me", token))).isEqualTo(read);
	}

	@Test
	void putRejectsFieldsAMemberCannotSet() {
		String token = TestTokens.valid().sign();
		String read = entityTag(http().get("/me", token));

		HttpResponse<String> response = http().put("/me", token, read, """
				{"displayName": "Ada", "email": "someone-else@example.com"}
				""");

		assertProblem(response, 400, "/me");
	}

	@Test
	void putRejectsBodyThatIsNotJson() {
		String token = TestTokens.valid().sign();
		String read = entityTag(http().get("/me", token));

		HttpResponse<String> response = http().put("/me", token, read, "{\"displayName\": ");

		assertProblem(response, 400, "/me");
		assertThat(response.body()).doesNotContain("tools.jackson");
	}

	@Test
	void tokenOfAServiceIsNotAMember() {
		HttpResponse<String> response = http().get("/me", TestTokens.valid().subject("review-service").sign());

		JsonNode problem = assertProblem(response, 403, "/me");
		assertThat(problem.get("type").asString()).isEqualTo("https://meshgate.io/problems/not-a-member");
	}

}
