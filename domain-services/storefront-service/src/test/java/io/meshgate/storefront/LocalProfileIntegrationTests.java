package io.meshgate.storefront;

import java.net.http.HttpResponse;

import io.meshgate.storefront.support.StorefrontIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * application-local.yaml, as local-platform runs the service (its ports and upstream
 * addresses replaced by the test's): GraphiQL answers there.
 */
@ActiveProfiles(profiles = { "local", "test" }, inheritProfiles = false)
class LocalProfileIntegrationTests extends StorefrontIntegrationTest {

	@Test
	void localProfileServesGraphiQlWithoutToken() {
		HttpResponse<String> page = http().get("/graphiql?path=/graphql");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("graphiql");
	}

}
