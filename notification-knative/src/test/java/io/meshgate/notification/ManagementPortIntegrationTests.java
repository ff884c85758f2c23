package io.meshgate.notification;

import java.net.http.HttpResponse;

import io.meshgate.notification.support.SharedSmtpIntegrationTest;
import io.meshgate.service.testsupport.ManagementPortContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes and metrics answer on the management port; Knative, which probes only the port
 * it serves on, gets liveness and readiness there too, and nothing else of the actuator.
 */
class ManagementPortIntegrationTests extends SharedSmtpIntegrationTest implements ManagementPortContract {

	@Test
	void knativeProbesAnswerOnApplicationPort() {
		assertThat(http().get("/livez").statusCode()).isEqualTo(200);
		assertThat(http().get("/readyz").statusCode()).isEqualTo(200);
	}

	@Test
	void prometheusShowsTheNotificationCounters() {
		HttpResponse<String> response = http().getManagement("/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("meshgate_notification_duplicates_total");
	}

	/**
	 * Stricter than the contract: without Spring Security nothing here answers 401, so a
	 * 401 would mean security came back.
	 */
	@Test
	@Override
	public void applicationPortDoesNotServeActuator() {
		assertThat(http().get("/actuator/health").statusCode()).isEqualTo(404);
		assertThat(http().get("/actuator/prometheus").statusCode()).isEqualTo(404);
	}

}
