package io.meshgate.auth;

import io.meshgate.service.testsupport.OAuthTestClient;
import io.meshgate.service.testsupport.TestPostgres;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static io.meshgate.service.testsupport.OAuthTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart (a new pod, a deploy) loses nothing: accounts, clients, signing keys,
 * authorizations and refresh tokens live in PostgreSQL.
 */
class RestartIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@Test
	void tokensAccountsAndKeysSurviveARestart() {
		String database = TestPostgres.createDatabase();
		String email = "restart@example.com";
		JsonNode tokens;
		try (ConfigurableApplicationContext first = start(database)) {
			OAuthTestClient client = new OAuthTestClient(port(first));
			assertThat(client.signUp(email, PASSWORD, "Restarted").statusCode()).isEqualTo(201);
			tokens = client.tokensFor(email, PASSWORD);
		}

		try (ConfigurableApplicationContext second = start(database)) {
			OAuthTestClient client = new OAuthTestClient(port(second));
			String accessToken = tokens.get("access_token").asString();

			assertThat(client.verifiesAgainstJwks(accessToken)).isTrue();
			HttpResponse<String> userinfo = client.getWithToken("/userinfo", accessToken);
			assertThat(userinfo.statusCode()).isEqualTo(200);
			assertThat(json(userinfo).get("email").asString()).isEqualTo(email);
			assertThat(client.refresh(tokens.get("refresh_token").asString()).statusCode()).isEqualTo(200);
			assertThat(client.tokensFor(email, PASSWORD).get("access_token").asString()).isNotBlank();
		}
	}

	private static ConfigurableApplicationContext start(String databaseUrl) {
		return new SpringApplicationBuilder(AuthServiceApplication.class).profiles("test")
			.properties("server.port=0", "spring.datasource.url=" + databaseUrl, "spring.datasource.username=postgres",
					"spring.datasource.password=postgres")
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
