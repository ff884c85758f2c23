package io.meshgate.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.meshgate.gateway.support.GatewayIntegrationTest;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rate limits against a real Redis, on the sign-up route's tight bucket (five, then one
 * every 12 s): 429 problem details with {@code Retry-After} and {@code RateLimit-*},
 * keyed by the token's subject or else the client address, which a client cannot spoof.
 */
class RateLimitIntegrationTests extends GatewayIntegrationTest {

	@Test
	void limitsAnonymousClientsByAddressThenRecovers() {
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> allowed = signUp();
			assertThat(allowed.statusCode()).isEqualTo(200);
			assertThat(allowed.headers().firstValue("RateLimit-Limit")).hasValue("5");
			assertThat(allowed.headers().firstValue("RateLimit-Remaining")).hasValue(String.valueOf(4 - i));
		}

		HttpResponse<String> limited = signUp();
		HttpResponse<String> spoofed = signUp("X-Forwarded-For", "198.51.100.7");

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("12");
		assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("0");
		assertThat(spoofed.statusCode()).as("a forged address is not another client").isEqualTo(429);
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> signUp().statusCode() == 200);
	}

	@Test
	void limitsAuthenticatedClientsByTokenSubject() {
		String alice = bearer(TestTokens.valid().subject(UUID.randomUUID().toString()).sign());
		String bob = bearer(TestTokens.valid().subject(UUID.randomUUID().toString()).sign());
		for (int i = 0; i < 5; i++) {
			signUp("Authorization", alice);
		}

		assertThat(signUp("Authorization", alice).statusCode()).isEqualTo(429);
		assertThat(signUp("Authorization", bob).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> signUp(String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Content-Type";
		all[1] = "application/json";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return send(HttpRequest.newBuilder(uri("/api/accounts")).POST(HttpRequest.BodyPublishers.ofString("{}")), all);
	}

}
