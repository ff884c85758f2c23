package io.meshgate.member;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.meshgate.member.support.MemberServiceIntegrationTest;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static io.meshgate.service.testsupport.ProblemAssertions.fieldsInError;
import static io.meshgate.service.testsupport.ServiceHttpClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /display-names}: the public names of many members in one call, for the
 * storefront's reviews.
 */
class DisplayNameIntegrationTests extends MemberServiceIntegrationTest {

	@Test
	void namesEveryRequestedMemberWithAProfileWithoutAToken() {
		String ada = memberNamed("Ada Lovelace");
		String grace = memberNamed("Grace Hopper");
		String unknown = UUID.randomUUID().toString();

		HttpResponse<String> response = http().get("/display-names?ids=" + ada + "," + grace + "," + unknown);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).valueStream().map(DisplayNameIntegrationTests::entry))
			.containsExactlyInAnyOrder(ada + "=Ada Lovelace", grace + "=Grace Hopper");
	}

	@Test
	void revealsNothingButTheName() {
		String ada = memberNamed("Ada Lovelace");

		JsonNode entry = json(http().get("/display-names?ids=" + ada)).get(0);

		assertThat(entry.propertyNames()).containsExactlyInAnyOrder("id", "displayName");
	}

	@Test
	void rejectsMoreThanHundredIds() {
		List<String> ids = Stream.generate(() -> UUID.randomUUID().toString()).limit(101).toList();

		HttpResponse<String> response = http().get("/display-names?ids=" + String.join(",", ids));

		assertProblem(response, 400, "/display-names");
		assertThat(fieldsInError(response)).containsExactly("ids");
	}

	@Test
	void rejectsIdThatIsNotAUuid() {
		HttpResponse<String> response = http().get("/display-names?ids=not-a-uuid");

		assertProblem(response, 400, "/display-names");
	}

	private String memberNamed(String name) {
		TestTokens member = TestTokens.valid().claim("name", name).claim("email", "someone@example.com");
		assertThat(http().get("/me", member.sign()).statusCode()).isEqualTo(200);
		return member.subject();
	}

	private static String entry(JsonNode node) {
		return node.get("id").asString() + "=" + node.get("displayName").asString();
	}

}
