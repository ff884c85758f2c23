package io.meshgate.product;

import io.meshgate.product.support.ProductServiceIntegrationTest;
import io.meshgate.service.testsupport.ManagementPortContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes and metrics answer without a token on the management port, which nothing routes
 * to from outside; the application port does not serve them.
 */
class ManagementPortIntegrationTests extends ProductServiceIntegrationTest implements ManagementPortContract {

	@Test
	void endpointsBeyondHealthInfoAndMetricsAreNotOpen() {
		assertThat(http().getManagement("/actuator/env").statusCode()).isEqualTo(401);
	}

	/** Stricter than the contract: this service's answers are known exactly. */
	@Test
	@Override
	public void applicationPortDoesNotServeActuator() {
		assertThat(http().get("/actuator/health").statusCode()).isEqualTo(401);
		assertThat(http().get("/actuator/prometheus", writer()).statusCode()).isEqualTo(404);
	}

}
