package io.meshgate.notification;

import java.net.http.HttpResponse;

import io.meshgate.notification.support.SharedSmtpIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes and metrics answer on the management port; Knative, which probes only the port
 * it serves on, gets liveness and readiness there too, and nothing else of the actuator.
 */
class ManagementPortIntegrationTests extends SharedSmtpIntegrationTest {

	@Test
	void probesAnswerOnManagementPort() {
		assertThat(getManagement("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(getManagement("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	void knativeProbesAnswerOnApplicationPort() {
		assertThat(get("/livez").statusCode()).isEqualTo(200);
		assertThat(get("/readyz").statusCode()).isEqualTo(200);
	}

	@Test
	void prometheusMetricsAnswerOnManagementPort() {
		HttpResponse<String> response = getManagement("/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("meshgate_notification_duplicates_total");
	}

	@Test
	void applicationPortDoesNotServeActuator() {
		assertThat(get("/actuator/health").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(404);
	}

}
