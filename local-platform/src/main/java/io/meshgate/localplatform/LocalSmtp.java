package io.meshgate.localplatform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A real SMTP server for notification-knative's e-mails: GreenMail's standalone jar
 * (copied next to the launcher by the build). It accepts any recipient without
 * authentication and keeps what it receives in memory; people read it through GreenMail's
 * REST API, which is also how readiness is checked.
 */
final class LocalSmtp extends HttpReadyComponent {

	private final Path jar;

	private final int smtpPort;

	private final int apiPort;

	LocalSmtp(Path jar, int smtpPort, int apiPort, Path logDirectory, Path runDirectory) {
		super("smtp", List.of(smtpPort, apiPort), logDirectory, runDirectory);
		this.jar = jar;
		this.smtpPort = smtpPort;
		this.apiPort = apiPort;
	}

	/** Where the build puts GreenMail's standalone jar (see local-platform's pom). */
	static Path jar(Path repository) {
		return repository.resolve("local-platform/target/tools/greenmail-standalone.jar");
	}

	@Override
	ProcessBuilder command() throws IOException {
		requireBuilt(this.jar);
		return new ProcessBuilder(javaExecutable(), "-Dgreenmail.smtp.hostname=127.0.0.1",
				"-Dgreenmail.smtp.port=" + this.smtpPort, "-Dgreenmail.auth.disabled",
				"-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + this.apiPort, "-jar",
				this.jar.toString());
	}

	@Override
	public List<String> summary() {
		return List.of("smtp://127.0.0.1:" + this.smtpPort + "  (accepts any recipient, keeps mail in memory)",
				"mail sent to someone: curl " + apiUrl() + "/api/user/<e-mail>/messages/",
				"GreenMail API " + apiUrl() + "/");
	}

	private String apiUrl() {
		return "http://127.0.0.1:" + this.apiPort;
	}

	@Override
	URI readinessUri() {
		return URI.create(apiUrl() + "/api/service/readiness");
	}

}
