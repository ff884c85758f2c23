package io.meshgate.localplatform;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Spring Boot service the platform runs from its built jar,
 * {@code <repository>/<module>/target/<name>.jar}. Built with {@link #service} and the
 * {@code with...} methods so that each entry of the platform's list reads as one line.
 *
 * @param name the service name, also its jar's and log's name
 * @param module its module directory, relative to the repository root
 * @param appPort the local application port (before any offset)
 * @param managementPort the local actuator port (before any offset)
 * @param database the database it owns, or {@code null} for none
 * @param environment the service's own environment variables, beyond the common ones
 * @param links named paths under the application URL worth printing in the summary
 * @param https whether the application port speaks HTTPS (the gateway's does locally)
 */
record ServiceDefinition(String name, String module, int appPort, int managementPort, String database,
		Function<ServiceContext, Map<String, String>> environment, Map<String, String> links, boolean https) {

	static ServiceDefinition service(String name, int appPort, int managementPort) {
		return new ServiceDefinition(name, name, appPort, managementPort, null, (context) -> Map.of(), Map.of(), false);
	}

	ServiceDefinition inModule(String module) {
		return new ServiceDefinition(this.name, module, this.appPort, this.managementPort, this.database,
				this.environment, this.links, this.https);
	}

	ServiceDefinition withDatabase(String database) {
		return new ServiceDefinition(this.name, this.module, this.appPort, this.managementPort, database,
				this.environment, this.links, this.https);
	}

	ServiceDefinition withEnvironment(Function<ServiceContext, Map<String, String>> environment) {
		return new ServiceDefinition(this.name, this.module, this.appPort, this.managementPort, this.database,
				environment, this.links, this.https);
	}

	ServiceDefinition withLink(String label, String path) {
		Map<String, String> links = new LinkedHashMap<>(this.links);
		links.put(label, path);
		return new ServiceDefinition(this.name, this.module, this.appPort, this.managementPort, this.database,
				this.environment, links, this.https);
	}

	ServiceDefinition withHttps() {
		return new ServiceDefinition(this.name, this.module, this.appPort, this.managementPort, this.database,
				this.environment, this.links, true);
	}

	/** The URL of the application port, as people and other services reach it locally. */
	String appUrl(int port) {
		return (this.https ? "https" : "http") + "://localhost:" + port;
	}

	Optional<String> databaseName() {
		return Optional.ofNullable(this.database);
	}

	Path jar(Path repository) {
		return repository.resolve(this.module).resolve("target").resolve(this.name + ".jar");
	}

}
