package io.meshgate.auth;

import io.meshgate.service.testsupport.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind the gateway the service answers at the public origin; anyone else's
 * {@code X-Forwarded-*} headers are ignored.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ForwardedHeadersIntegrationTests {

	private static final String AUTHORIZE = "/oauth2/authorize?response_type=code&client_id=meshgate-cli"
			+ "&redirect_uri=http://127.0.0.1:53682/callback&scope=openid&code_challenge=abc&code_challenge_method=S256";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void redirectsToThePublicOriginThatTheTrustedProxyReports() throws Exception {
		HttpResponse<Void> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + AUTHORIZE))
				.header("Accept", "text/html")
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "meshgate.example")
				.header("X-Forwarded-Port", "443")
				.build(), HttpResponse.BodyHandlers.discarding());

		assertThat(response.headers().firstValue("Location")).hasValue("https://meshgate.example/login");
	}

	@Test
	void ignoresForwardedHeadersFromAnUntrustedPeer() throws IOException {
		// 127.0.0.2 is loopback too, but not a trusted proxy address.
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port, InetAddress.getByName("127.0.0.2"),
				0)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + AUTHORIZE + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nAccept: text/html\r\n"
					+ "X-Forwarded-Proto: https\r\nX-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String response = readAll(socket.getInputStream());

			assertThat(response).startsWith("HTTP/1.1 302");
			assertThat(response).contains("Location: http://127.0.0.1:" + this.port + "/login")
				.doesNotContain("evil.example");
		}
	}

	private static String readAll(InputStream in) throws IOException {
		return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
	}

}
