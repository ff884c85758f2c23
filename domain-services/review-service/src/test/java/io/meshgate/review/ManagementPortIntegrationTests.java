package io.meshgate.review;

import java.net.http.HttpResponse;

import io.meshgate.review.support.ReviewServiceIntegrationTest;
import io.meshgate.service.testsupport.ManagementPortContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes and metrics answer without a token on the management port, which nothing routes
 * to from outside; the application port does not serve them.
 */
class ManagementPortIntegrationTests extends ReviewServiceIntegrationTest implements ManagementPortContract {

	@Test
	void prometheusShowsTheOutboxBacklogItsAgeAndParkedEvents() {
		HttpResponse<String> response = http().getManagement("/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("meshgate_outbox_backlog ")
			.contains("meshgate_outbox_oldest_age_seconds ")
			.contains("meshgate_outbox_parked ");
	}

}
