package io.meshgate.gateway;

import io.meshgate.gateway.support.GatewayIntegrationTest;
import io.meshgate.gateway.support.TestUpstream;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway continues the trace the ingress started, in W3C or B3 form, and hands it on
 * as W3C {@code traceparent} so the service's spans join the same trace.
 */
class TracePropagationIntegrationTests extends GatewayIntegrationTest {

	private final String token = bearer(TestTokens.valid().sign());

	@Test
	void continuesW3cTraceparentTowardsTheService() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

		get("/api/members/trace-w3c", "Authorization", this.token, "traceparent",
				"00-" + traceId + "-00f067aa0ba902b7-01");

		assertThat(forwardedTraceparent("/trace-w3c")).startsWith("00-" + traceId + "-")
			.doesNotContain("00f067aa0ba902b7");
	}

	@Test
	void acceptsB3FromEnvoyAndForwardsW3c() {
		String traceId = "80f198ee56343ba864fe8b2a57d3eff7";

		get("/api/members/trace-b3", "Authorization", this.token, "b3", traceId + "-e457b5a2e4d86bd1-1");

		assertThat(forwardedTraceparent("/trace-b3")).startsWith("00-" + traceId + "-").endsWith("-01");
	}

	private static String forwardedTraceparent(String path) {
		String traceparent = TestUpstream.instance().lastTo(path).headers().get("traceparent");
		assertThat(traceparent).as("traceparent sent to the service").isNotNull();
		return traceparent;
	}

}
