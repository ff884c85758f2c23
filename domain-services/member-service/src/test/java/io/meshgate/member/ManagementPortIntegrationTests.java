package io.meshgate.member;

import java.net.http.HttpResponse;

import io.meshgate.member.support.MemberServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes and metrics answer without a token on the management port, which nothing routes
 * to from outside; the application port does not serve them.
 */
class ManagementPortIntegrationTests extends MemberServiceIntegrationTest {

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
	void applicationPortDoesNotServeActuator() {
		assertThat(getWithoutToken("/actuator/health").statusCode()).isIn(401, 404);
	}

}
