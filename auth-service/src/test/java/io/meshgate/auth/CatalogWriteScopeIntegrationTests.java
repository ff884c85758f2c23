package io.meshgate.auth;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.meshgate.service.testsupport.OAuthTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code products.write} changes the catalog, so only accounts with the CATALOG_EDITOR
 * role are granted it; everyone else who asks for it is granted the rest of what they
 * asked for. Roles are given and taken with the SQL docs/architecture.md gives operators.
 */
class CatalogWriteScopeIntegrationTests extends NewAccountIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void signedUpAccountAskingForProductsWriteIsGrantedEverythingElse() throws ParseException {
		// The client asks for openid profile email products.write.
		JsonNode tokens = this.client.tokensFor(this.email, PASSWORD);

		assertThat(responseScopes(tokens)).containsExactlyInAnyOrder("openid", "profile", "email");
		assertThat(accessTokenClaims(tokens).getStringListClaim("scope")).containsExactlyInAnyOrder("openid", "profile",
				"email");
		assertThat(accessTokenClaims(tokens).getStringListClaim("roles")).containsExactly("USER");
		assertThat(storedAuthorizedScopes()).containsExactlyInAnyOrder("openid", "profile", "email");
	}

	@Test
	void catalogEditorIsGrantedProductsWrite() throws ParseException {
		grantCatalogEditor();

		JsonNode tokens = this.client.tokensFor(this.email, PASSWORD);

		assertThat(responseScopes(tokens)).contains("openid", "products.write");
		assertThat(accessTokenClaims(tokens).getStringListClaim("scope")).contains("openid", "products.write");
		assertThat(accessTokenClaims(tokens).getStringListClaim("roles")).containsExactly("CATALOG_EDITOR", "USER");
	}

	@Test
	void refreshDoesNotGiveASignedUpAccountProductsWrite() throws ParseException {
		String refreshToken = this.client.tokensFor(this.email, PASSWORD).get("refresh_token").asString();

		HttpResponse<String> refreshed = this.client.refresh(refreshToken);

		assertThat(refreshed.statusCode()).isEqualTo(200);
		assertThat(responseScopes(json(refreshed))).contains("openid").doesNotContain("products.write");
		assertThat(accessTokenClaims(json(refreshed)).getStringListClaim("scope")).contains("openid")
			.doesNotContain("products.write");
	}

	@Test
	void catalogEditorKeepsProductsWriteOnRefresh() throws ParseException {
		grantCatalogEditor();
		String refreshToken = this.client.tokensFor(this.email, PASSWORD).get("refresh_token").asString();

		HttpResponse<String> refreshed = this.client.refresh(refreshToken);

		assertThat(refreshed.statusCode()).isEqualTo(200);
		assertThat(accessTokenClaims(json(refreshed)).getStringListClaim("scope")).contains("products.write");
	}

	@Test
	void editorWhoseRoleIsRemovedCannotRefreshAndIsNoLongerGrantedProductsWrite() throws ParseException {
		grantCatalogEditor();
		String refreshToken = this.client.tokensFor(this.email, PASSWORD).get("refresh_token").asString();

		this.jdbc.sql("UPDATE account SET roles = array_remove(roles, 'CATALOG_EDITOR') WHERE lower(email) = lower(?)")
			.param(this.email)
			.update();
		HttpResponse<String> refreshed = this.client.refresh(refreshToken);
		// Still signed in: the browser session began while the account had the role.
		JsonNode next = this.client.tokensFor(this.email, PASSWORD);

		assertThat(refreshed.statusCode()).isEqualTo(400);
		assertThat(json(refreshed).get("error").asString()).isEqualTo("invalid_grant");
		assertThat(responseScopes(next)).contains("openid").doesNotContain("products.write");
		assertThat(accessTokenClaims(next).getStringListClaim("scope")).doesNotContain("products.write");
	}

	/** The statement docs/architecture.md gives operators. */
	private void grantCatalogEditor() {
		int updated = this.jdbc.sql("""
				UPDATE account SET roles = array_append(roles, 'CATALOG_EDITOR')
				WHERE lower(email) = lower(?) AND NOT 'CATALOG_EDITOR' = ANY (roles)
				""").param(this.email).update();
		assertThat(updated).isOne();
	}

	private List<String> storedAuthorizedScopes() {
		return List.of(this.jdbc.sql("SELECT authorized_scopes FROM oauth2_authorization WHERE principal_name = ?")
			.param(this.accountId)
			.query(String.class)
			.single()
			.split(","));
	}

	private static List<String> responseScopes(JsonNode tokens) {
		return List.of(tokens.get("scope").asString().split(" "));
	}

	private static JWTClaimsSet accessTokenClaims(JsonNode tokens) throws ParseException {
		return SignedJWT.parse(tokens.get("access_token").asString()).getJWTClaimsSet();
	}

}
