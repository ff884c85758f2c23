package io.meshgate.storefront;

import io.meshgate.storefront.support.StorefrontIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL is for people trying queries locally: outside the local profile it does not
 * exist (LocalProfileIntegrationTests shows that the local profile serves it).
 */
class GraphiQlIntegrationTests extends StorefrontIntegrationTest {

	@Test
	void graphiQlIsNotServedOutsideTheLocalProfile() {
		assertThat(http().get("/graphiql").statusCode()).isEqualTo(404);
		assertThat(http().get("/graphiql?path=/graphql").statusCode()).isEqualTo(404);
	}

}
