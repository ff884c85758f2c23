package io.meshgate.auth;

import io.meshgate.service.testsupport.OAuthTestClient;
import io.meshgate.service.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.meshgate.service.testsupport.OAuthTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator-triggered rotation: the new key is published before it signs, and tokens
 * signed by the old key keep verifying against the JWKS.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "meshgate.signing-keys.publish-lead=3s", "meshgate.signing-keys.refresh-interval=500ms" })
@ActiveProfiles("test")
class SigningKeyRotationIntegrationTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	OAuthTestClient client;

	@BeforeEach
	void client() {
		this.client = new OAuthTestClient(this.port);
	}

	@Test
	void newKeyIsPublishedBeforeItSignsAndOldTokensKeepVerifying() throws Exception {
		String oldToken = serviceToken();
		String oldKid = kidOf(oldToken);

		String newKid = json(rotate()).get("kid").asString();

		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(this.client.jwks().getKeyByKeyId(newKid)).as("published at once").isNotNull();
		assertThat(kidOf(serviceToken())).as("still signing with the old key during the lead").isEqualTo(oldKid);

		await().atMost(Duration.ofSeconds(15)).until(() -> kidOf(serviceToken()).equals(newKid));

		assertThat(this.client.jwks().getKeyByKeyId(oldKid)).as("old key kept for its tokens").isNotNull();
		assertThat(this.client.verifiesAgainstJwks(oldToken)).isTrue();
		assertThat(this.client.verifiesAgainstJwks(serviceToken())).isTrue();
	}

	@Test
	void operatorCanListKeysWithoutSeeingKeyMaterial() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(managementUri()).GET().build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).valueStream().map((key) -> key.get("state").asString())).contains("signing");
		assertThat(response.body()).doesNotContain("\"d\"").doesNotContain("private");
	}

	private HttpResponse<String> rotate() throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(managementUri()).POST(HttpRequest.BodyPublishers.noBody()).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private URI managementUri() {
		return URI.create("http://localhost:" + this.managementPort + "/actuator/signingkeys");
	}

	private String serviceToken() {
		return json(this.client.clientCredentials("review-service", "test-only-secret-of-sufficient-length"))
			.get("access_token")
			.asString();
	}

	private static String kidOf(String jwt) throws ParseException {
		return SignedJWT.parse(jwt).getHeader().getKeyID();
	}

}
