package io.meshgate.localplatform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Prometheus (Debian's {@code prometheus} package, not a Maven artifact) scraping
 * every service's management port, so dashboards' and alerts' queries can be tried
 * against what the services really expose.
 */
final class LocalPrometheus extends HttpReadyComponent {

	static final Path EXECUTABLE = Path.of("/usr/bin/prometheus");

	private final int port;

	private final Map<String, Integer> managementPorts;

	private final Path directory;

	/**
	 * @param managementPorts each service's management port, by service name
	 * @param directory where its configuration and data live
	 */
	LocalPrometheus(int port, Map<String, Integer> managementPorts, Path directory, Path logDirectory,
			Path runDirectory) {
		super("prometheus", List.of(port), logDirectory, runDirectory);
		this.port = port;
		this.managementPorts = Map.copyOf(managementPorts);
		this.directory = directory;
	}

	@Override
	ProcessBuilder command() throws IOException {
		if (!Files.isExecutable(EXECUTABLE)) {
			throw new IOException(EXECUTABLE + " is missing: install Debian's prometheus package "
					+ "(sudo apt-get install prometheus), or start without --with-observability");
		}
		Path configuration = Files.writeString(Files.createDirectories(this.directory).resolve("prometheus.yml"),
				configuration());
		return new ProcessBuilder(EXECUTABLE.toString(), "--config.file=" + configuration,
				"--storage.tsdb.path=" + this.directory.resolve("data"), "--web.listen-address=127.0.0.1:" + this.port,
				// native-histograms makes Prometheus ask for the protobuf format. Debian
				// 12's
				// Prometheus 2.42 refuses the whole OpenMetrics scrape when an exemplar
				// sits on a
				// _count line, as the Java client writes them (accepted from 2.43 on:
				// prometheus/prometheus#11984), and would mark every service down.
				"--enable-feature=exemplar-storage,native-histograms");
	}

	/** One job per service, labelled like the Kubernetes scrape so queries carry over. */
	String configuration() {
		String jobs = this.managementPorts.entrySet().stream().sorted(Map.Entry.comparingByKey()).map((service) -> """
				  - job_name: %1$s
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ["127.0.0.1:%2$d"]
				        labels:
				          app: %1$s
				""".formatted(service.getKey(), service.getValue())).collect(Collectors.joining());
		return """
				global:
				  scrape_interval: 5s
				scrape_configs:
				""" + jobs;
	}

	@Override
	public List<String> summary() {
		return List.of(url() + "/  (metrics of every management port)");
	}

	private String url() {
		return "http://127.0.0.1:" + this.port;
	}

	@Override
	URI readinessUri() {
		return URI.create(url() + "/-/ready");
	}

}
