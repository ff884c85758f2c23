package io.meshgate.auth;

import io.meshgate.service.testsupport.OAuthTestClient;
import io.meshgate.service.testsupport.TestPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
 * real: the script with curl and openssl, and a browser signing in in between.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GetTokenScriptIntegrationTests {

	private static final Path SCRIPT = Paths.get("..", "scripts", "get-token.sh");

	private static final String PASSWORD = "correct horse battery";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

	@LocalServerPort
	int port;

	@TempDir
	Path runtimeDir;

	@Test
	void personGetsTokenWithTheScriptAndABrowser() throws Exception {
		OAuthTestClient browser = new OAuthTestClient(this.port);
		browser.signUp("cli@example.com", PASSWORD, "Cli User");

		String authorizeUrl = script("url").strip();
		HttpResponse<String> toLoginPage = browser.get(authorizeUrl);
		HttpResponse<String> backToAuthorize = browser.login("cli@example.com", PASSWORD);
		String callback = location(browser.get(location(backToAuthorize)));
		JsonNode tokens = JsonMapper.builder().build().readTree(script("exchange", callback));

		assertThat(location(toLoginPage)).endsWith("/login");
		assertThat(callback).startsWith("http://127.0.0.1:53682/callback?code=");
		assertThat(browser.verifiesAgainstJwks(tokens.get("access_token").asString())).isTrue();
		assertThat(browser.getWithToken("/userinfo", tokens.get("access_token").asString()).statusCode())
			.isEqualTo(200);
	}

	private String script(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("MESHGATE_ISSUER", "http://localhost:" + this.port);
		builder.environment().put("XDG_RUNTIME_DIR", this.runtimeDir.toString());
		builder.redirectError(ProcessBuilder.Redirect.INHERIT);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("exit code of get-token.sh %s", String.join(" ", args)).isZero();
		return output;
	}

}
