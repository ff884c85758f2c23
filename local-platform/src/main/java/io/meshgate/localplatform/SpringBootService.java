package io.meshgate.localplatform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spring Boot service run as a child process from its executable jar, ready when its
 * readiness probe answers 200 on the management port.
 */
final class SpringBootService implements Component {

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

	private final String name;

	private final ServiceDefinition definition;

	private final Path jar;

	private final Path workingDirectory;

	private final int appPort;

	private final int managementPort;

	private final Map<String, String> environment;

	private final Map<String, String> links;

	private final Path logFile;

	private final PidFile pidFile;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

	private Process process;

	SpringBootService(ServiceDefinition definition, Path repository, int appPort, int managementPort,
			Map<String, String> environment, Path logDirectory, Path runDirectory) {
		this.name = definition.name();
		this.definition = definition;
		this.jar = definition.jar(repository);
		this.workingDirectory = repository.resolve(definition.module());
		this.appPort = appPort;
		this.managementPort = managementPort;
		this.environment = Map.copyOf(environment);
		this.links = definition.links();
		this.logFile = logDirectory.resolve(this.name + ".log");
		this.pidFile = new PidFile(runDirectory.resolve(this.name + ".pid"));
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Path logFile() {
		return this.logFile;
	}

	String appUrl() {
		return this.definition.appUrl(this.appPort);
	}

	URI readinessUri() {
		return URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness");
	}

	@Override
	public void stopLeftover() {
		this.pidFile.liveProcess().ifPresent((process) -> Processes.stop(process, Processes.GRACE_PERIOD));
		this.pidFile.delete();
	}

	@Override
	public synchronized void start() throws IOException {
		Ports.requireFree(this.appPort);
		Ports.requireFree(this.managementPort);
		Files.createDirectories(this.logFile.getParent());
		ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", this.jar.toString())
			.directory(this.workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.logFile.toFile());
		builder.environment().putAll(this.environment);
		this.process = builder.start();
		this.pidFile.write(this.process.toHandle());
	}

	@Override
	public void awaitReady(Duration timeout) throws ComponentFailure, InterruptedException {
		Processes.awaitReady(this, currentProcess(), timeout, readinessUri().toString(), this::isReady);
	}

	@Override
	public synchronized void stop() {
		if (this.process == null) {
			return;
		}
		Processes.stop(this.process.toHandle(), Processes.GRACE_PERIOD);
		this.pidFile.delete();
		this.process = null;
	}

	@Override
	public List<ProcessHandle> processes() {
		// From the pid file, so that a leftover of a killed launcher counts too.
		return this.pidFile.liveProcess().stream().toList();
	}

	@Override
	public List<String> summary() {
		List<String> lines = new ArrayList<>();
		lines.add(appUrl());
		this.links.forEach((label, path) -> lines.add(label + " " + appUrl() + path));
		lines.add("management http://127.0.0.1:" + this.managementPort + "/actuator/health");
		return lines;
	}

	private synchronized Process currentProcess() {
		return this.process;
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

	static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
