package io.meshgate.localplatform;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spring Boot service run as a child process from its executable jar, ready when its
 * readiness probe answers 200 on the management port.
 */
final class SpringBootService extends HttpReadyComponent {

	private final ServiceDefinition definition;

	private final Path jar;

	private final Path workingDirectory;

	private final int appPort;

	private final int managementPort;

	private final Map<String, String> environment;

	SpringBootService(ServiceDefinition definition, Path repository, int appPort, int managementPort,
			Map<String, String> environment, Path logDirectory, Path runDirectory) {
		super(definition.name(), List.of(appPort, managementPort), logDirectory, runDirectory);
		this.definition = definition;
		this.jar = definition.jar(repository);
		this.workingDirectory = repository.resolve(definition.module());
		this.appPort = appPort;
		this.managementPort = managementPort;
		this.environment = Map.copyOf(environment);
	}

	String appUrl() {
		return this.definition.appUrl(this.appPort);
	}

	@Override
	URI readinessUri() {
		return URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness");
	}

	@Override
	ProcessBuilder command() {
		ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", this.jar.toString())
			.directory(this.workingDirectory.toFile());
		builder.environment().putAll(this.environment);
		return builder;
	}

	@Override
	public List<String> summary() {
		List<String> lines = new ArrayList<>();
		lines.add(appUrl());
		this.definition.links().forEach((label, path) -> lines.add(label + " " + appUrl() + path));
		lines.add("management http://127.0.0.1:" + this.managementPort + "/actuator/health");
		return lines;
	}

}
