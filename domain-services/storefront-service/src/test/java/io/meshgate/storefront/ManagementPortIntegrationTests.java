package io.meshgate.storefront;

import java.net.http.HttpResponse;

import io.meshgate.service.testsupport.ManagementPortContract;
import io.meshgate.storefront.support.StorefrontIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes and metrics answer without a token on the management port, which nothing routes
 * to from outside; the application port does not serve them.
 */
class ManagementPortIntegrationTests extends StorefrontIntegrationTest implements ManagementPortContract {

	@Test
	void prometheusMetricsIncludeGraphQlAndCircuitBreakers() {
		query("{ products { items { name } } }");

		HttpResponse<String> response = http().getManagement("/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("graphql_request")
			.contains("resilience4j_circuitbreaker_state{group=\"product-service\",name=\"product-service\"");
	}

}
