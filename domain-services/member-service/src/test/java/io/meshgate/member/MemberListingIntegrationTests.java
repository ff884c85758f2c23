package io.meshgate.member;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;

import io.meshgate.member.support.MemberServiceIntegrationTest;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static io.meshgate.service.testsupport.ProblemAssertions.fieldsInError;
import static io.meshgate.service.testsupport.ServiceHttpClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /}: every profile, oldest first, one page at a time, for administrators
 * only.
 */
class MemberListingIntegrationTests extends MemberServiceIntegrationTest {

	private final String admin = TestTokens.valid().roles("USER", "ADMIN").sign();

	@Test
	void listingRequiresAdminRole() {
		HttpResponse<String> response = http().get("/?page=0&size=20", TestTokens.valid().roles("USER").sign());

		assertProblem(response, 403, "/");
	}

	@Test
	void listsProfilesInCreationOrderOnePageAtATime() {
		List<String> created = IntStream.range(0, 3).mapToObj((i) -> createProfile()).toList();

		List<String> all = ids(json(http().get("/?page=0&size=100", this.admin)));
		assertThat(all).containsSubsequence(created);

		int lastPage = (all.size() - 1) / 2;
		JsonNode page = json(http().get("/?page=" + lastPage + "&size=2", this.admin));
		assertThat(ids(page)).isEqualTo(all.subList(lastPage * 2, all.size()));
		assertThat(page.get("page").asInt()).isEqualTo(lastPage);
		assertThat(page.get("size").asInt()).isEqualTo(2);
		assertThat(page.get("totalElements").asLong()).isEqualTo(all.size());
		assertThat(page.get("totalPages").asLong()).isEqualTo(lastPage + 1);
	}

	@Test
	void pageBeyondTheLastIsEmpty() {
		JsonNode page = json(http().get("/?page=100000&size=100", this.admin));

		assertThat(ids(page)).isEmpty();
	}

	@Test
	void rejectsPageSizeAboveHundred() {
		HttpResponse<String> response = http().get("/?page=0&size=101", this.admin);

		assertProblem(response, 400, "/");
		assertThat(fieldsInError(response)).containsExactly("size");
	}

	@Test
	void rejectsNegativePage() {
		HttpResponse<String> response = http().get("/?page=-1", this.admin);

		assertProblem(response, 400, "/");
		assertThat(fieldsInError(response)).containsExactly("page");
	}

	private String createProfile() {
		TestTokens member = TestTokens.valid();
		assertThat(http().get("/me", member.sign()).statusCode()).isEqualTo(200);
		return member.subject();
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items").valueStream().map((item) -> item.get("id").asString()).toList();
	}

}
