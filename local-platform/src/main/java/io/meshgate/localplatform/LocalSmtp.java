package io.meshgate.localplatform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real SMTP server for notification-knative's e-mails: GreenMail's standalone jar
 * (copied next to the launcher by the build), run as a child process like the services.
 * It accepts any recipient without authentication and keeps what it receives in memory;
 * people read it through GreenMail's REST API, which is also how readiness is checked.
 */
final class LocalSmtp implements Component {

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

	private final Path jar;

	private final int smtpPort;

	private final int apiPort;

	private final Path logFile;

	private final PidFile pidFile;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

	private Process process;

	LocalSmtp(Path jar, int smtpPort, int apiPort, Path logDirectory, Path runDirectory) {
		this.jar = jar;
		this.smtpPort = smtpPort;
		this.apiPort = apiPort;
		this.logFile = logDirectory.resolve("smtp.log");
		this.pidFile = new PidFile(runDirectory.resolve("smtp.pid"));
	}

	/** Where the build puts GreenMail's standalone jar (see local-platform's pom). */
	static Path jar(Path repository) {
		return repository.resolve("local-platform/target/tools/greenmail-standalone.jar");
	}

	@Override
	public String name() {
		return "smtp";
	}

	@Override
	public Path logFile() {
		return this.logFile;
	}

	@Override
	public void stopLeftover() {
		this.pidFile.liveProcess().ifPresent((leftover) -> Processes.stop(leftover, Processes.GRACE_PERIOD));
		this.pidFile.delete();
	}

	@Override
	public synchronized void start() throws IOException {
		if (!Files.isRegularFile(this.jar)) {
			throw new IOException(this.jar + " is missing: build local-platform first (./mvnw -Prun package does)");
		}
		Ports.requireFree(this.smtpPort);
		Ports.requireFree(this.apiPort);
		Files.createDirectories(this.logFile.getParent());
		this.process = new ProcessBuilder(SpringBootService.javaExecutable(), "-Dgreenmail.smtp.hostname=127.0.0.1",
				"-Dgreenmail.smtp.port=" + this.smtpPort, "-Dgreenmail.auth.disabled",
				"-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + this.apiPort, "-jar",
				this.jar.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.logFile.toFile())
			.start();
		this.pidFile.write(this.process.toHandle());
	}

	@Override
	public void awaitReady(Duration timeout) throws ComponentFailure, InterruptedException {
		Processes.awaitReady(this, currentProcess(), timeout, readinessUri().toString(), this::isReady);
	}

	@Override
	public synchronized void stop() {
		if (this.process != null) {
			Processes.stop(this.process.toHandle(), Processes.GRACE_PERIOD);
			this.pidFile.delete();
			this.process = null;
		}
	}

	@Override
	public List<ProcessHandle> processes() {
		return this.pidFile.liveProcess().stream().toList();
	}

	@Override
	public List<String> summary() {
		return List.of("smtp://127.0.0.1:" + this.smtpPort + "  (accepts any recipient, keeps mail in memory)",
				"mail sent to someone: curl " + apiUrl() + "/api/user/<e-mail>/messages/",
				"GreenMail API " + apiUrl() + "/");
	}

	String apiUrl() {
		return "http://127.0.0.1:" + this.apiPort;
	}

	private synchronized Process currentProcess() {
		return this.process;
	}

	private URI readinessUri() {
		return URI.create(apiUrl() + "/api/service/readiness");
	}

	private boolean isReady() throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(readinessUri()).timeout(PROBE_TIMEOUT).GET().build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
