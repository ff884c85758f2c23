package io.meshgate.auth.account;

import io.meshgate.service.testsupport.OAuthTestClient;
import io.meshgate.service.testsupport.TestPostgres;
import java.text.ParseException;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local profile's demo account (README) can change the catalog: it is a
 * CATALOG_EDITOR, also when an older local database created it with USER only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles({ "test", "local" })
class DemoAccountIntegrationTests {

	private static final String EMAIL = "demo@meshgate.local";

	private static final String PASSWORD = "meshgate-demo-password";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	DemoAccount demoAccount;

	@Autowired
	AccountRepository accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void demoAccountIsGrantedProductsWrite() throws ParseException {
		String accessToken = new OAuthTestClient(this.port).tokensFor(EMAIL, PASSWORD).get("access_token").asString();

		JWTClaimsSet claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
		assertThat(claims.getStringListClaim("scope")).contains("openid", "products.write");
		assertThat(claims.getStringListClaim("roles")).containsExactly("CATALOG_EDITOR", "USER");
	}

	@Test
	void demoAccountOfAnOlderDatabaseBecomesCatalogEditorAtStart() {
		this.jdbc.sql("UPDATE account SET roles = '{USER}' WHERE email = ?").param(EMAIL).update();

		this.demoAccount.run(new DefaultApplicationArguments());

		assertThat(this.accounts.findByEmail(EMAIL).orElseThrow().roles()).containsExactlyInAnyOrder("USER",
				"CATALOG_EDITOR");
	}

}
