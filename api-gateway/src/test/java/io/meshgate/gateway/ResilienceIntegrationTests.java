package io.meshgate.gateway;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.meshgate.gateway.support.GatewayIntegrationTest;
import io.meshgate.gateway.support.Tokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that is down or slow costs the client a bounded wait and a clear answer.
 */
class ResilienceIntegrationTests extends GatewayIntegrationTest {

	@Test
	void answers503WithRetryAfterWhenTheServiceIsDown() {
		long start = System.nanoTime();

		HttpResponse<String> response = get("/api/products/1");

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void answers504WhenTheServiceIsTooSlow() {
		HttpResponse<String> response = get("/api/members/slow", "Authorization", bearer(Tokens.valid().sign()));

		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

}
