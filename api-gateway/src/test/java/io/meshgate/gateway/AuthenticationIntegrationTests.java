package io.meshgate.gateway;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.meshgate.gateway.support.GatewayIntegrationTest;
import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.gateway.support.TestUpstream;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The negative suite of token checks, through the running gateway: every broken token is
 * refused with 401 problem details, and only a valid one reaches the service.
 */
class AuthenticationIntegrationTests extends GatewayIntegrationTest {

	private static final String PROTECTED = "/api/members/me";

	@Test
	void passesValidTokenUnchangedToTheService() {
		String token = TestTokens.valid().sign();

		HttpResponse<String> response = get(PROTECTED, "Authorization", bearer(token));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestUpstream.instance().lastTo("/me").headers().get("Authorization")).isEqualTo(bearer(token));
	}

	@Test
	void refusesRequestWithoutToken() {
		assertUnauthorized(get(PROTECTED));
	}

	@Test
	void refusesMalformedToken() {
		assertUnauthorized(get(PROTECTED, "Authorization", bearer("not.a.jwt")));
	}

	@Test
	void refusesUnsignedToken() {
		assertUnauthorized(get(PROTECTED, "Authorization", bearer(TestTokens.valid().unsigned())));
	}

	@Test
	void refusesHmacTokenSignedWithThePublicKey() {
		assertUnauthorized(get(PROTECTED, "Authorization", bearer(TestTokens.valid().hmacWithPublicKey())));
	}

	@Test
	void refusesBadSignature() {
		assertUnauthorized(get(PROTECTED, "Authorization", bearer(TestTokens.valid().withBadSignature())));
	}

	@Test
	void refusesExpiredTokenBeyondTheClockSkew() {
		String token = TestTokens.valid().expiredSince(Duration.ofSeconds(90)).sign();

		assertUnauthorized(get(PROTECTED, "Authorization", bearer(token)));
	}

	@Test
	void refusesTokenNotValidYet() {
		String token = TestTokens.valid().notBefore(Instant.now().plus(Duration.ofMinutes(5))).sign();

		assertUnauthorized(get(PROTECTED, "Authorization", bearer(token)));
	}

	@Test
	void refusesTokenWithoutExpiry() {
		assertUnauthorized(get(PROTECTED, "Authorization", bearer(TestTokens.valid().withoutExpiry().sign())));
	}

	@Test
	void refusesTokenFromAnotherIssuer() {
		String token = TestTokens.valid().issuer("https://evil.example").sign();

		assertUnauthorized(get(PROTECTED, "Authorization", bearer(token)));
	}

	@Test
	void refusesTokenForAnotherAudience() {
		assertUnauthorized(get(PROTECTED, "Authorization", bearer(TestTokens.valid().audience("other-api").sign())));
	}

	@Test
	void refusesTokenSignedByAnUnknownKey() {
		String token = TestTokens.valid().signedWith(TestJwks.newKey()).sign();

		assertUnauthorized(get(PROTECTED, "Authorization", bearer(token)));
	}

	@Test
	void refusesWriteWithoutTheRouteScope() {
		HttpResponse<String> response = send(
				java.net.http.HttpRequest.newBuilder(uri("/api/products"))
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")),
				"Authorization", bearer(TestTokens.valid().scope("openid").sign()), "Content-Type", "application/json");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void removesUserHeadersSentByTheClient() {
		get(PROTECTED, "Authorization", bearer(TestTokens.valid().sign()), "X-User-Id", "admin", "X-User-Roles",
				"ADMIN");

		assertThat(TestUpstream.instance().lastTo("/me").headers()).doesNotContainKeys("X-User-Id", "X-User-Roles");
	}

	@Test
	void servesPublicPathsWithoutToken() {
		HttpResponse<String> response = get("/api/reviews/42");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestUpstream.instance().lastTo("/reviews/42").headers()).doesNotContainKey("Authorization");
	}

	private static void assertUnauthorized(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> value.startsWith("Bearer"));
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":401").contains("\"traceId\"");
	}

}
