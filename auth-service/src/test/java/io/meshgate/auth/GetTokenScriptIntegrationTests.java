package io.meshgate.auth;

import io.meshgate.service.testsupport.OAuthTestClient;
import io.meshgate.service.testsupport.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.meshgate.service.testsupport.OAuthTestClient.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README's way for a person to get a token, {@code scripts/get-token.sh}, for
 * real: the script with curl and openssl against auth-service over HTTPS, and a browser
 * signing in in between. auth-service's certificate names {@code localhost} and
 * {@code 127.0.0.1}: on {@code localhost} it plays the local platform's gateway, whose
 * certificate the script finds in {@code .local/tls}; on {@code 127.0.0.1} a cluster's
 * issuer, whose CA a person passes in {@code MESHGATE_CACERT} while an earlier local run
 * has left a certificate of its own in {@code .local/tls}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GetTokenScriptIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	private static final Path TLS = selfSignedCertificates();

	private static final Path SERVER_CERTIFICATE = TLS.resolve("server.pem");

	/** A local platform's certificate that is not the server's. */
	private static final Path OTHER_CERTIFICATE = TLS.resolve("other.pem");

	@DynamicPropertySource
	static void databaseAndTls(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
		registry.add("server.ssl.certificate", () -> "file:" + SERVER_CERTIFICATE);
		registry.add("server.ssl.certificate-private-key", () -> "file:" + TLS.resolve("server-key.pem"));
	}

	@LocalServerPort
	int port;

	@TempDir
	Path home;

	@Test
	void localPlatformIssuerIsTrustedWithTheLocalCertificate() throws Exception {
		localPlatformCertificate(SERVER_CERTIFICATE);
		String issuer = "https://localhost:" + this.port;

		JsonNode tokens = signInWithTheScript(issuer, "local@example.com", Map.of("MESHGATE_ISSUER", issuer));

		assertThat(tokens.get("access_token").asString()).isNotBlank();
	}

	@Test
	void clusterIssuerIsTrustedWithTheCertificatePassedToTheScript() throws Exception {
		localPlatformCertificate(OTHER_CERTIFICATE);
		String issuer = "https://127.0.0.1:" + this.port;

		JsonNode tokens = signInWithTheScript(issuer, "cluster@example.com",
				Map.of("MESHGATE_ISSUER", issuer, "MESHGATE_CACERT", SERVER_CERTIFICATE.toString()));

		assertThat(tokens.get("access_token").asString()).isNotBlank();
	}

	@Test
	void clusterIssuerWithoutItsCertificateFailsWithCurlsReason() throws Exception {
		localPlatformCertificate(SERVER_CERTIFICATE);
		String issuer = "https://127.0.0.1:" + this.port;
		GetTokenScript script = new GetTokenScript(this.home, Map.of("MESHGATE_ISSUER", issuer));
		OAuthTestClient browser = browser(issuer);
		browser.signUp("untrusted@example.com", PASSWORD, "Untrusted");

		String callback = signIn(browser, script.run("url").strip(), "untrusted@example.com");
		GetTokenScript.Result exchange = script.attempt("exchange", callback);

		// The local certificate is not handed to curl for another host, and curl says
		// why.
		assertThat(exchange.exitCode()).isNotZero();
		assertThat(exchange.errors()).contains("certificate");
		assertThat(exchange.output()).isEmpty();
	}

	/**
	 * Signs up, runs both steps of the script around a browser sign-in, checks the token.
	 */
	private JsonNode signInWithTheScript(String issuer, String email, Map<String, String> environment)
			throws Exception {
		GetTokenScript script = new GetTokenScript(this.home, environment);
		OAuthTestClient browser = browser(issuer);
		browser.signUp(email, PASSWORD, "Cli User");

		String authorizeUrl = script.run("url").strip();
		String callback = signIn(browser, authorizeUrl, email);
		JsonNode tokens = JsonMapper.builder().build().readTree(script.run("exchange", callback));

		assertThat(authorizeUrl).startsWith(issuer + "/oauth2/authorize?");
		assertThat(callback).startsWith("http://127.0.0.1:53682/callback?code=");
		assertThat(browser.verifiesAgainstJwks(tokens.get("access_token").asString())).isTrue();
		assertThat(browser.getWithToken("/userinfo", tokens.get("access_token").asString()).statusCode())
			.isEqualTo(200);
		return tokens;
	}

	private static String signIn(OAuthTestClient browser, String authorizeUrl, String email) {
		HttpResponse<String> toLoginPage = browser.get(authorizeUrl);
		assertThat(location(toLoginPage)).endsWith("/login");
		HttpResponse<String> backToAuthorize = browser.login(email, PASSWORD);
		return location(browser.get(location(backToAuthorize)));
	}

	private void localPlatformCertificate(Path certificate) throws IOException {
		Path local = this.home.resolve(".local/tls/gateway.pem");
		Files.createDirectories(local.getParent());
		Files.copy(certificate, local);
	}

	private static OAuthTestClient browser(String issuer) throws Exception {
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		trusted.load(null, null);
		try (InputStream in = Files.newInputStream(SERVER_CERTIFICATE)) {
			trusted.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(null, trust.getTrustManagers(), null);
		return new OAuthTestClient(issuer, null, tls);
	}

	/**
	 * Two self-signed certificates, made with openssl like the script's users have it.
	 */
	private static Path selfSignedCertificates() {
		try {
			Path dir = Files.createTempDirectory("get-token-tls");
			openssl(dir, "server", "subjectAltName=DNS:localhost,IP:127.0.0.1");
			openssl(dir, "other", "subjectAltName=DNS:localhost");
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void openssl(Path dir, String name, String altNames) throws IOException {
		List<String> command = List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
				"ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost", "-addext", altNames,
				"-keyout", dir.resolve(name + "-key.pem").toString(), "-out", dir.resolve(name + ".pem").toString());
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("openssl failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
