package io.meshgate.auth;

import io.meshgate.service.testsupport.OAuthTestClient;
import io.meshgate.service.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * auth-service on a random port against the test database and, for every test, a new
 * browser and a newly signed-up account, so that no two tests share sessions, grants or
 * throttles.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class NewAccountIntegrationTest {

	protected static final String PASSWORD = "correct horse battery";

	protected static final String DISPLAY_NAME = "Ada Lovelace";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

	@LocalServerPort
	protected int port;

	/** The browser (or command-line client) of the test, with its own cookies. */
	protected OAuthTestClient client;

	protected String email;

	/** The account's id, the {@code sub} of its tokens. */
	protected String accountId;

	@BeforeEach
	void newBrowserAndAccount() {
		this.client = new OAuthTestClient(this.port);
		OAuthTestClient.NewAccount account = this.client.signUpNewAccount(DISPLAY_NAME, PASSWORD);
		this.email = account.email();
		this.accountId = account.id();
	}

}
