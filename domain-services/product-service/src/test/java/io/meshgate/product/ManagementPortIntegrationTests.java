package io.meshgate.product;

import java.net.http.HttpResponse;

import io.meshgate.product.support.ProductServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes and metrics answer without a token on the management port, which nothing routes
 * to from outside; the application port does not serve them.
 */
class ManagementPortIntegrationTests extends ProductServiceIntegrationTest {

	@Test
	void probesAnswerOnManagementPort() {
		assertThat(getManagement("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(getManagement("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	void prometheusMetricsAnswerOnManagementPort() {
		HttpResponse<String> response = getManagement("/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void endpointsBeyondHealthInfoAndMetricsAreNotOpen() {
		assertThat(getManagement("/actuator/env").statusCode()).isEqualTo(401);
	}

	@Test
	void applicationPortDoesNotServeActuator() {
		assertThat(get("/actuator/health").statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", writer()).statusCode()).isEqualTo(404);
	}

}
