package io.meshgate.auth;

import io.meshgate.service.testsupport.OAuthTestClient;
import io.meshgate.service.testsupport.TestPostgres;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.meshgate.service.testsupport.OAuthTestClient.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins are throttled per e-mail and per client address, and the login page
 * answers the same whether the account exists or not.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "meshgate.login-throttle.max-failures-per-account=3",
				"meshgate.login-throttle.max-failures-per-address=6" })
@ActiveProfiles("test")
class LoginThrottlingIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void refusesEvenTheRightPasswordAfterTooManyFailuresForTheAccount() {
		String email = signedUpEmail();
		// Each attempt from its own browser and address, as a distributed attack would.
		IntStream.range(0, 3)
			.forEach((i) -> assertThat(loginFromNewBrowser(email, "wrong password", newAddress()))
				.isEqualTo("/login?error"));

		assertThat(loginFromNewBrowser(email, PASSWORD, newAddress())).isEqualTo("/login?throttled");
	}

	@Test
	void refusesAnAddressThatFailedTooOftenAcrossAccounts() {
		String address = newAddress();
		IntStream.range(0, 6).forEach((i) -> loginFromNewBrowser(signedUpEmail(), "wrong password", address));
		String untouched = signedUpEmail();

		assertThat(loginFromNewBrowser(untouched, PASSWORD, address)).isEqualTo("/login?throttled");
		assertThat(loginFromNewBrowser(untouched, PASSWORD, newAddress())).isEqualTo("/");
	}

	@Test
	void answersTheSameForAnUnknownEmail() {
		String known = signedUpEmail();
		String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
		String address = newAddress();

		for (int i = 0; i < 3; i++) {
			assertThat(loginFromNewBrowser(unknown, "wrong password", address))
				.isEqualTo(loginFromNewBrowser(known, "wrong password", address));
		}

		assertThat(loginFromNewBrowser(unknown, PASSWORD, newAddress())).isEqualTo("/login?throttled");
		assertThat(loginFromNewBrowser(known, PASSWORD, newAddress())).isEqualTo("/login?throttled");
	}

	@Test
	void successfulLoginBeforeTheLimitResetsTheAccountCount() {
		String email = signedUpEmail();
		String address = newAddress();
		loginFromNewBrowser(email, "wrong password", address);
		loginFromNewBrowser(email, "wrong password", address);

		assertThat(loginFromNewBrowser(email, PASSWORD, address)).isEqualTo("/");
		assertThat(loginFromNewBrowser(email, "wrong password", address)).isEqualTo("/login?error");
		assertThat(loginFromNewBrowser(email, "wrong password", address)).isEqualTo("/login?error");
		assertThat(loginFromNewBrowser(email, PASSWORD, address)).isEqualTo("/");
	}

	private String loginFromNewBrowser(String email, String password, String clientAddress) {
		HttpResponse<String> response = new OAuthTestClient(this.port, clientAddress).login(email, password);
		assertThat(response.statusCode()).isEqualTo(302);
		String location = location(response);
		return location.substring(location.indexOf('/', "http://".length()));
	}

	/**
	 * A distinct client address per use (TEST-NET-3, RFC 5737), so tests never share a
	 * count.
	 */
	private static String newAddress() {
		return "203.0.113." + ADDRESSES.incrementAndGet();
	}

	private String signedUpEmail() {
		String email = "user-" + UUID.randomUUID() + "@example.com";
		assertThat(new OAuthTestClient(this.port).signUp(email, PASSWORD, "User").statusCode()).isEqualTo(201);
		return email;
	}

}
