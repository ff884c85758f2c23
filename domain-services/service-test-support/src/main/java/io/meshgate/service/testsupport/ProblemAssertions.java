package io.meshgate.service.testsupport;

import java.net.http.HttpResponse;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every error response of a Meshgate service looks like to a client (CONTRACTS.md).
 */
public final class ProblemAssertions {

	private ProblemAssertions() {
	}

	/**
	 * Asserts an RFC 9457 problem with the given status for the given path, and that it
	 * names no exception class, SQL or stack frame.
	 * @return the problem, for assertions of its own
	 */
	public static JsonNode assertProblem(HttpResponse<String> response, int status, String path) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = JsonMapper.shared().readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("instance").asString()).isEqualTo(path);
		assertThat(problem.get("traceId").asString()).matches("[0-9a-f]{32}");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("SQL").doesNotContain("\tat ");
		return problem;
	}

	/** The {@code field} of each entry of the problem's {@code errors}. */
	public static List<String> fieldsInError(HttpResponse<String> response) {
		return JsonMapper.shared()
			.readTree(response.body())
			.get("errors")
			.valueStream()
			.map((error) -> error.get("field").asString())
			.toList();
	}

}
