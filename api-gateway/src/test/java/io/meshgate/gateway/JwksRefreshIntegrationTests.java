package io.meshgate.gateway;

import java.time.Duration;

import com.nimbusds.jose.jwk.RSAKey;
import io.meshgate.gateway.support.GatewayIntegrationTest;
import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keys are refreshed in the background: a key published ahead of a rotation is known
 * before any token needs it, even while unknown-kid fetches are cooling down.
 */
@TestPropertySource(properties = { "meshgate.gateway.security.jwks.refresh-interval=1s",
		"meshgate.gateway.security.jwks.unknown-kid-cooldown=1h" })
class JwksRefreshIntegrationTests extends GatewayIntegrationTest {

	@Test
	void picksUpNewKeysOnItsOwn() {
		// Spend the one unknown-kid fetch of the cooldown.
		get("/api/members/me", "Authorization", bearer(TestTokens.valid().signedWith(TestJwks.newKey()).sign()));
		RSAKey next = TestJwks.instance().publish(TestJwks.newKey());

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get("/api/members/me", "Authorization", bearer(TestTokens.valid().signedWith(next).sign()))
				.statusCode() == 200);

		assertThat(get("/api/members/me", "Authorization", bearer(TestTokens.valid().signedWith(next).sign()))
			.statusCode()).isEqualTo(200);
	}

}
