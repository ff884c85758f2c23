package io.meshgate.auth;

import io.meshgate.service.testsupport.OAuthTestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.meshgate.service.testsupport.OAuthTestClient.CLI_REDIRECT;
import static io.meshgate.service.testsupport.OAuthTestClient.json;
import static io.meshgate.service.testsupport.OAuthTestClient.location;
import static io.meshgate.service.testsupport.OAuthTestClient.queryParam;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flows a person and a service go through, over real HTTP against a real database.
 */
class AuthorizationFlowIntegrationTests extends NewAccountIntegrationTest {

	@Test
	void signedUpPersonGetsTokensThroughLoginFormAndPkce() throws ParseException {
		JsonNode tokens = this.client.tokensFor(this.email, PASSWORD);

		SignedJWT accessToken = SignedJWT.parse(tokens.get("access_token").asString());
		assertThat(accessToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(accessToken.getHeader().getKeyID()).isNotBlank();
		assertThat(accessToken.getJWTClaimsSet().getIssuer()).isEqualTo("https://auth.test.meshgate.io");
		assertThat(accessToken.getJWTClaimsSet().getAudience()).contains("meshgate-api");
		assertThat(accessToken.getJWTClaimsSet().getSubject()).isEqualTo(this.accountId);
		assertThat(accessToken.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("USER");
		// products.write is asked for but needs the CATALOG_EDITOR role:
		// CatalogWriteScopeIntegrationTests.
		assertThat(accessToken.getJWTClaimsSet().getStringListClaim("scope")).containsExactlyInAnyOrder("openid",
				"profile", "email");
		assertThat(accessToken.getJWTClaimsSet().getStringClaim("email")).isEqualTo(this.email);
		assertThat(accessToken.getJWTClaimsSet().getStringClaim("name")).isEqualTo(DISPLAY_NAME);
		Duration lifetime = Duration.between(accessToken.getJWTClaimsSet().getIssueTime().toInstant(),
				accessToken.getJWTClaimsSet().getExpirationTime().toInstant());
		assertThat(lifetime).isLessThanOrEqualTo(Duration.ofMinutes(15));
		assertThat(this.client.verifiesAgainstJwks(accessToken.serialize())).isTrue();
		assertThat(tokens.get("refresh_token").asString()).isNotBlank();
		assertThat(tokens.get("id_token").asString()).isNotBlank();
	}

	@Test
	void userinfoDescribesTheSignedInAccount() {
		JsonNode tokens = this.client.tokensFor(this.email, PASSWORD);

		HttpResponse<String> userinfo = this.client.getWithToken("/userinfo", tokens.get("access_token").asString());

		assertThat(userinfo.statusCode()).isEqualTo(200);
		assertThat(json(userinfo).get("sub").asString()).isEqualTo(this.accountId);
		assertThat(json(userinfo).get("email").asString()).isEqualTo(this.email);
		assertThat(json(userinfo).get("name").asString()).isEqualTo(DISPLAY_NAME);
	}

	@Test
	void accountIsReadableByItsOwnerOnly() {
		String accessToken = this.client.tokensFor(this.email, PASSWORD).get("access_token").asString();
		String otherId = json(this.client.signUp("other-" + UUID.randomUUID() + "@example.com", PASSWORD, "Other"))
			.get("id")
			.asString();

		HttpResponse<String> own = this.client.getWithToken("/api/accounts/" + this.accountId, accessToken);
		HttpResponse<String> other = this.client.getWithToken("/api/accounts/" + otherId, accessToken);
		HttpResponse<String> anonymous = this.client.get("/api/accounts/" + this.accountId);

		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(json(own).get("email").asString()).isEqualTo(this.email);
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void rejectsIdTokenWhereAnAccessTokenIsRequired() {
		String idToken = this.client.tokensFor(this.email, PASSWORD).get("id_token").asString();

		HttpResponse<String> response = this.client.getWithToken("/api/accounts/" + this.accountId, idToken);

		// The ID token's audience is the client, not meshgate-api.
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void rejectsCodeExchangeWithWrongPkceVerifier() {
		OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.generate();
		HttpResponse<String> redirect = this.client.authorize(pkce, CLI_REDIRECT, this.email, PASSWORD);
		String code = queryParam(location(redirect), "code");

		HttpResponse<String> tokens = this.client.exchangeCode(code, OAuthTestClient.Pkce.generate().verifier());

		assertThat(tokens.statusCode()).isEqualTo(400);
		assertThat(json(tokens).get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void rejectsAuthorizationRequestWithoutPkce() {
		OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.generate();
		String withoutPkce = this.client.authorizationUrl(pkce, CLI_REDIRECT)
			.replaceAll("&code_challenge(_method)?=[^&]*", "");
		this.client.login(this.email, PASSWORD);

		HttpResponse<String> response = this.client.get(withoutPkce);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(queryParam(location(response), "error")).isEqualTo("invalid_request");
		assertThat(queryParam(location(response), "code")).isNull();
	}

	@Test
	void rejectsRedirectUriThatIsNotRegistered() {
		this.client.login(this.email, PASSWORD);

		HttpResponse<String> response = this.client
			.get(this.client.authorizationUrl(OAuthTestClient.Pkce.generate(), "https://evil.example/callback"));

		// Never redirect to an unregistered URI: the error is shown by the server itself.
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void refreshTokenRotatesAndAUsedOneIsRejected() {
		JsonNode tokens = this.client.tokensFor(this.email, PASSWORD);
		String first = tokens.get("refresh_token").asString();

		HttpResponse<String> refreshed = this.client.refresh(first);

		assertThat(refreshed.statusCode()).isEqualTo(200);
		String second = json(refreshed).get("refresh_token").asString();
		assertThat(second).isNotBlank().isNotEqualTo(first);
		assertThat(json(refreshed).get("access_token").asString()).isNotEqualTo(tokens.get("access_token").asString());

		HttpResponse<String> reused = this.client.refresh(first);
		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat(json(reused).get("error").asString()).isEqualTo("invalid_grant");
		// And second is revoked with it: RefreshTokenReuseIntegrationTests.
	}

	@Test
	void revokedRefreshTokenCannotBeUsed() {
		String refreshToken = this.client.tokensFor(this.email, PASSWORD).get("refresh_token").asString();

		assertThat(this.client.revoke(refreshToken).statusCode()).isEqualTo(200);

		assertThat(this.client.refresh(refreshToken).statusCode()).isEqualTo(400);
	}

	@Test
	void serviceGetsTokenWithClientCredentials() throws ParseException {
		HttpResponse<String> response = this.client.clientCredentials("review-service",
				"test-only-secret-of-sufficient-length");

		assertThat(response.statusCode()).isEqualTo(200);
		SignedJWT token = SignedJWT.parse(json(response).get("access_token").asString());
		assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("review-service");
		assertThat(token.getJWTClaimsSet().getAudience()).contains("meshgate-api");
		assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).isEmpty();
		assertThat(json(response).has("refresh_token")).isFalse();
	}

	@Test
	void rejectsClientCredentialsWithWrongSecret() {
		HttpResponse<String> response = this.client.clientCredentials("review-service", "not-the-secret-at-all-000");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json(response).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void logoutEndsTheSession() {
		JsonNode tokens = this.client.tokensFor(this.email, PASSWORD);

		HttpResponse<String> logout = this.client
			.get("/connect/logout?id_token_hint=" + tokens.get("id_token").asString());

		assertThat(logout.statusCode()).isEqualTo(302);
		HttpResponse<String> authorize = this.client
			.get(this.client.authorizationUrl(OAuthTestClient.Pkce.generate(), CLI_REDIRECT));
		assertThat(URI.create(location(authorize)).getPath()).isEqualTo("/login");
	}

	@Test
	void discoveryNamesTheConfiguredIssuer() {
		JsonNode metadata = json(this.client.get("/.well-known/openid-configuration"));

		assertThat(metadata.get("issuer").asString()).isEqualTo("https://auth.test.meshgate.io");
		assertThat(metadata.get("jwks_uri").asString()).isEqualTo("https://auth.test.meshgate.io/oauth2/jwks");
		assertThat(metadata.get("code_challenge_methods_supported").toString()).contains("S256");
	}

}
