package io.meshgate.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The scrape configuration the local Prometheus is started with. */
class LocalPrometheusTests {

	@Test
	void scrapesEveryManagementPortLabelledWithItsService() {
		LocalPrometheus prometheus = new LocalPrometheus(9090, Map.of("review-service", 9103, "api-gateway", 9443),
				Path.of("prometheus"), Path.of("logs"), Path.of("run"));

		assertThat(prometheus.configuration()).contains("""
				  - job_name: api-gateway
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ["127.0.0.1:9443"]
				        labels:
				          app: api-gateway
				""").contains("""
				  - job_name: review-service
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ["127.0.0.1:9103"]
				""");
	}

}
