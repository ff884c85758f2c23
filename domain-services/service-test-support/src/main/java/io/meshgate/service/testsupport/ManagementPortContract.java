package io.meshgate.service.testsupport;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the management port of every domain service does (CONTRACTS.md): probes and
 * metrics answer without a token there, where nothing routes from outside, and the
 * application port does not serve them. A service's
 * {@code ManagementPortIntegrationTests} implements this beside extending its own base (a
 * {@link ServiceIntegrationTest}, which provides {@link #http()}), and adds what only the
 * service shows.
 */
public interface ManagementPortContract {

	/** The service under test, started by the implementing test class. */
	ServiceHttpClient http();

	@Test
	default void probesAnswerOnManagementPort() {
		assertThat(http().getManagement("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(http().getManagement("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	default void prometheusMetricsAnswerOnManagementPort() {
		HttpResponse<String> response = http().getManagement("/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	default void applicationPortDoesNotServeActuator() {
		assertThat(http().get("/actuator/health").statusCode()).isIn(401, 404);
	}

}
