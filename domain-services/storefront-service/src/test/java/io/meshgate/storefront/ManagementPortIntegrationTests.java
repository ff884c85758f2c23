package io.meshgate.storefront;

import java.net.http.HttpResponse;

import io.meshgate.storefront.support.StorefrontIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes and metrics answer without a token on the management port, which nothing routes
 * to from outside; the application port does not serve them.
 */
class ManagementPortIntegrationTests extends StorefrontIntegrationTest {

	@Test
	void probesAnswerOnManagementPort() {
		assertThat(getManagement("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(getManagement("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	void prometheusMetricsIncludeGraphQlAndCircuitBreakers() {
		query("{ products { items { name } } }");

		HttpResponse<String> response = getManagement("/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes")
			.contains("graphql_request")
			.contains("resilience4j_circuitbreaker_state{group=\"product-service\",name=\"product-service\"");
	}

	@Test
	void applicationPortDoesNotServeActuator() {
		assertThat(get("/actuator/health").statusCode()).isIn(401, 404);
	}

}
