package io.meshgate.review;

import java.net.http.HttpResponse;

import io.meshgate.review.support.ReviewServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes and metrics answer without a token on the management port, which nothing routes
 * to from outside; the application port does not serve them.
 */
class ManagementPortIntegrationTests extends ReviewServiceIntegrationTest {

	@Test
	void probesAnswerOnManagementPort() {
		assertThat(getManagement("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(getManagement("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	void prometheusShowsTheOutboxBacklogAndItsAge() {
		HttpResponse<String> response = getManagement("/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes")
			.contains("meshgate_outbox_backlog ")
			.contains("meshgate_outbox_oldest_age_seconds ");
	}

	@Test
	void applicationPortDoesNotServeActuator() {
		assertThat(get("/actuator/health").statusCode()).isIn(401, 404);
	}

}
