package io.meshgate.member;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.meshgate.member.support.MemberServiceIntegrationTest;
import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service checks tokens itself (defence in depth): what a client sees without one or
 * with one the gateway should already have refused.
 */
class MemberAuthenticationIntegrationTests extends MemberServiceIntegrationTest {

	@Test
	void requestWithoutTokenIsUnauthorizedWithBearerChallenge() {
		HttpResponse<String> response = http().get("/me");

		assertProblem(response, 401, "/me");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void tokenWithWrongAudienceIsUnauthorized() {
		HttpResponse<String> response = http().get("/me", TestTokens.valid().audience("other-api").sign());

		assertProblem(response, 401, "/me");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
	}

	@Test
	void expiredTokenIsUnauthorizedWithoutSayingWhy() {
		HttpResponse<String> response = http().get("/me",
				TestTokens.valid().expiredSince(Duration.ofMinutes(5)).sign());

		assertProblem(response, 401, "/me");
		assertThat(response.body()).doesNotContain("expired").doesNotContain("Jwt");
	}

	@Test
	void tokenSignedWithUnpublishedKeyIsUnauthorized() {
		HttpResponse<String> response = http().get("/me", TestTokens.valid().signedWith(TestJwks.newKey()).sign());

		assertProblem(response, 401, "/me");
	}

	@Test
	void unknownPathWithValidTokenIsNotFoundProblem() {
		HttpResponse<String> response = http().get("/nothing-here", TestTokens.valid().sign());

		assertProblem(response, 404, "/nothing-here");
	}

}
