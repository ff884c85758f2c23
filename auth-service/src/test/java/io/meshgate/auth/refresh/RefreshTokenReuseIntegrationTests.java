package io.meshgate.auth.refresh;

import io.meshgate.auth.NewAccountIntegrationTest;
import io.meshgate.service.testsupport.OAuthTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.meshgate.service.testsupport.OAuthTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh token presented again after a refresh rotated it out revokes its whole
 * authorization (OAuth 2.1 section 4.3.1, RFC 9700 section 4.14.2): the token that
 * replaced it stops working too, and the person signs in again.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefreshTokenReuseIntegrationTests extends NewAccountIntegrationTest {

	private static final String REUSE = "meshgate.auth.refresh.token.reuse";

	@LocalManagementPort
	int managementPort;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void eachRefreshOfAChainReturnsANewRefreshToken() {
		List<String> refreshTokens = new ArrayList<>();
		refreshTokens.add(this.client.tokensFor(this.email, PASSWORD).get("refresh_token").asString());

		for (int i = 0; i < 3; i++) {
			HttpResponse<String> refreshed = this.client.refresh(refreshTokens.get(i));
			assertThat(refreshed.statusCode()).as("refresh %d", i + 1).isEqualTo(200);
			refreshTokens.add(json(refreshed).get("refresh_token").asString());
		}

		assertThat(refreshTokens).doesNotContainNull().doesNotHaveDuplicates().hasSize(4);
	}

	@Test
	void rotatedTokenPresentedAgainRevokesTheTokenThatReplacedIt() {
		String first = this.client.tokensFor(this.email, PASSWORD).get("refresh_token").asString();
		JsonNode second = json(this.client.refresh(first));
		double reusesBefore = reuses();

		HttpResponse<String> reused = this.client.refresh(first);
		HttpResponse<String> live = this.client.refresh(second.get("refresh_token").asString());

		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat(json(reused).get("error").asString()).isEqualTo("invalid_grant");
		assertThat(live.statusCode()).isEqualTo(400);
		assertThat(json(live).get("error").asString()).isEqualTo("invalid_grant");
		assertThat(reuses()).isEqualTo(reusesBefore + 1);
		// The authorization is gone, so auth-service no longer accepts its access token;
		// resource servers do until it expires.
		assertThat(this.client.getWithToken("/userinfo", second.get("access_token").asString()).statusCode())
			.isEqualTo(401);
	}

	@Test
	void reuseIsAnsweredAsAnUnknownTokenIs() {
		String first = this.client.tokensFor(this.email, PASSWORD).get("refresh_token").asString();
		assertThat(this.client.refresh(first).statusCode()).isEqualTo(200);

		HttpResponse<String> reused = this.client.refresh(first);
		HttpResponse<String> unknown = this.client.refresh("never-issued-" + UUID.randomUUID());

		assertThat(reused.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(400);
		assertThat(reused.headers().firstValue("Content-Type")).isEqualTo(unknown.headers().firstValue("Content-Type"));
		assertThat(reused.body()).isEqualTo(unknown.body());
	}

	@Test
	void accountSignsInAgainAfterItsAuthorizationWasRevoked() {
		String first = this.client.tokensFor(this.email, PASSWORD).get("refresh_token").asString();
		this.client.refresh(first);
		assertThat(this.client.refresh(first).statusCode()).isEqualTo(400);

		JsonNode fresh = this.client.tokensFor(this.email, PASSWORD);
		HttpResponse<String> refreshed = this.client.refresh(fresh.get("refresh_token").asString());

		assertThat(refreshed.statusCode()).isEqualTo(200);
		assertThat(this.client.getWithToken("/userinfo", json(refreshed).get("access_token").asString()).statusCode())
			.isEqualTo(200);
	}

	/**
	 * Two refreshes with one token that both pass Spring's checks: the second to retire
	 * it finds it retired. Here the first is played by the row it would have written.
	 */
	@Test
	void refreshWithATokenAnotherRefreshRetiredAtTheSameTimeRevokesTheAuthorization() {
		String token = this.client.tokensFor(this.email, PASSWORD).get("refresh_token").asString();
		String authorizationId = authorizationId();
		this.jdbc.sql("""
				INSERT INTO retired_refresh_token (token_hash, authorization_id, retired_at)
				VALUES (sha256(convert_to(:token, 'UTF8')), :authorizationId, now())
				""").param("token", token).param("authorizationId", authorizationId).update();
		double reusesBefore = reuses();

		HttpResponse<String> refreshed = this.client.refresh(token);

		assertThat(refreshed.statusCode()).isEqualTo(400);
		assertThat(json(refreshed).get("error").asString()).isEqualTo("invalid_grant");
		assertThat(reuses()).isEqualTo(reusesBefore + 1);
		assertThat(authorizationsOfTheAccount()).isZero();
	}

	@Test
	void warningNamesAuthorizationClientAndAccountButNoToken(CapturedOutput output) {
		JsonNode tokens = this.client.tokensFor(this.email, PASSWORD);
		String first = tokens.get("refresh_token").asString();
		String authorizationId = authorizationId();
		JsonNode second = json(this.client.refresh(first));

		this.client.refresh(first);

		List<JsonNode> warnings = output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{"))
			.map(JsonMapper.shared()::readTree)
			.filter((line) -> line.get("logger").asString().equals(RefreshTokenReuseDetection.class.getName()))
			.toList();
		assertThat(warnings).singleElement().satisfies((warning) -> {
			assertThat(warning.get("level").asString()).isEqualTo("WARN");
			assertThat(warning.get("message").asString()).contains(authorizationId, this.accountId,
					OAuthTestClient.CLI);
		});
		assertThat(output.getAll()).doesNotContain(first)
			.doesNotContain(second.get("refresh_token").asString())
			.doesNotContain(tokens.get("access_token").asString())
			.doesNotContain(second.get("access_token").asString());
	}

	/**
	 * Every public client's series exists from the start, at zero (web-app never reuses a
	 * token in these tests), so that an alert on its increase sees the first reuse.
	 */
	@Test
	void reusesAreExposedToPrometheusByClient() throws Exception {
		String first = this.client.tokensFor(this.email, PASSWORD).get("refresh_token").asString();
		this.client.refresh(first);
		this.client.refresh(first);

		HttpResponse<String> scrape = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/prometheus"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("meshgate_auth_refresh_token_reuse_total{client_id=\"meshgate-cli\"");
		assertThat(scrape.body()).contains("meshgate_auth_refresh_token_reuse_total{client_id=\"web-app\"} 0.0");
	}

	private double reuses() {
		Counter counter = this.meters.find(REUSE).tag("client_id", OAuthTestClient.CLI).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/** The account's one authorization: each test signs a new account in once. */
	private String authorizationId() {
		return this.jdbc.sql("SELECT id FROM oauth2_authorization WHERE principal_name = :accountId")
			.param("accountId", this.accountId)
			.query(String.class)
			.single();
	}

	private long authorizationsOfTheAccount() {
		return this.jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE principal_name = :accountId")
			.param("accountId", this.accountId)
			.query(Long.class)
			.single();
	}

}
