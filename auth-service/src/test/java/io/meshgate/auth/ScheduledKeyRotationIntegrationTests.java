package io.meshgate.auth;

import io.meshgate.service.testsupport.OAuthTestClient;
import io.meshgate.service.testsupport.TestPostgres;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Without any operator, a key older than the rotation period gets a successor.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "meshgate.signing-keys.rotation-period=2s", "meshgate.signing-keys.publish-lead=1s",
				"meshgate.signing-keys.refresh-interval=500ms" })
@ActiveProfiles("test")
class ScheduledKeyRotationIntegrationTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void rotatesOnScheduleAndKeepsEveryKeyWhoseTokensMayStillBeValid() {
		OAuthTestClient client = new OAuthTestClient(this.port);
		String firstKid = client.jwks().getKeys().get(0).getKeyID();

		await().atMost(Duration.ofSeconds(20)).until(() -> client.jwks().getKeys().size() >= 3);

		assertThat(client.jwks().getKeyByKeyId(firstKid)).isNotNull();
	}

}
