package io.meshgate.gateway;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.nimbusds.jose.jwk.RSAKey;
import io.meshgate.gateway.support.GatewayIntegrationTest;
import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key source under attack and outage, with its own gateway so the cooldown starts
 * unused.
 */
@TestPropertySource(properties = "meshgate.gateway.security.jwks.unknown-kid-cooldown=1h")
class JwksKeyCacheIntegrationTests extends GatewayIntegrationTest {

	@AfterEach
	void jwksBackUp() {
		TestJwks.instance().setDown(false);
	}

	@Test
	void fetchesOnceForANewKeyThenNotAgainHoweverManyUnknownKidsArrive() {
		RSAKey rotated = TestJwks.instance().publish(TestJwks.newKey());
		int before = TestJwks.instance().fetches();

		HttpResponse<String> withNewKey = get("/api/members/me", "Authorization",
				bearer(TestTokens.valid().signedWith(rotated).sign()));
		int afterNewKey = TestJwks.instance().fetches();
		long refused = IntStream.range(0, 100)
			.mapToObj((i) -> CompletableFuture.supplyAsync(() -> get("/api/members/me", "Authorization",
					bearer(TestTokens.valid().signedWith(TestJwks.newKey()).sign()))))
			.map(CompletableFuture::join)
			.filter((response) -> response.statusCode() == 401)
			.count();

		assertThat(withNewKey.statusCode()).isEqualTo(200);
		assertThat(afterNewKey - before).isEqualTo(1);
		assertThat(refused).isEqualTo(100);
		assertThat(TestJwks.instance().fetches()).isEqualTo(afterNewKey);
	}

	@Test
	void keepsAcceptingKnownKeysWhileTheJwksIsDown() {
		get("/api/members/me", "Authorization", bearer(TestTokens.valid().sign()));
		TestJwks.instance().setDown(true);

		HttpResponse<String> known = get("/api/members/me", "Authorization",
				bearer(TestTokens.valid().scope("fresh").sign()));
		HttpResponse<String> unknown = get("/api/members/me", "Authorization",
				bearer(TestTokens.valid().signedWith(TestJwks.newKey()).sign()));

		assertThat(known.statusCode()).isEqualTo(200);
		assertThat(unknown.statusCode()).isEqualTo(401);
	}

}
