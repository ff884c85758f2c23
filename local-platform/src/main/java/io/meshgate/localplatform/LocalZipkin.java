package io.meshgate.localplatform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The local trace UI: Zipkin's server jar from Maven Central (copied next to the launcher
 * by the build), keeping spans in memory. Services export to it when the platform runs
 * with observability; in Kubernetes they export OTLP to Jaeger instead.
 */
final class LocalZipkin extends HttpReadyComponent {

	private final Path jar;

	private final int port;

	LocalZipkin(Path jar, int port, Path logDirectory, Path runDirectory) {
		super("zipkin", List.of(port), logDirectory, runDirectory);
		this.jar = jar;
		this.port = port;
	}

	/** Where the build puts Zipkin's server jar (see local-platform's pom). */
	static Path jar(Path repository) {
		return repository.resolve("local-platform/target/tools/zipkin-server.jar");
	}

	/** Where services send their spans (Zipkin's JSON v2 API). */
	String spansEndpoint() {
		return url() + "/api/v2/spans";
	}

	@Override
	ProcessBuilder command() throws IOException {
		requireBuilt(this.jar);
		return new ProcessBuilder(javaExecutable(), "-jar", this.jar.toString(), "--armeria.ports[0].port=" + this.port,
				"--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].protocols=http");
	}

	@Override
	public List<String> summary() {
		return List.of(url() + "/zipkin/  (traces; search by trace id)");
	}

	private String url() {
		return "http://127.0.0.1:" + this.port;
	}

	@Override
	URI readinessUri() {
		return URI.create(url() + "/health");
	}

}
