package io.meshgate.product;

import io.meshgate.product.support.ProductServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static io.meshgate.service.testsupport.ServiceHttpClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample catalog (db/sample) belongs to the local profile: a service started with any
 * other, as in Kubernetes, never shows it.
 */
class SampleDataIntegrationTests extends ProductServiceIntegrationTest {

	@Test
	void sampleProductsAreAbsentOutsideTheLocalProfile() {
		assertThat(http().get("/products/" + LocalSampleDataIntegrationTests.ESPRESSO_MACHINE).statusCode())
			.isEqualTo(404);
		assertThat(json(http().get("/products?name=Espresso%20Machine%20Classic")).get("totalElements").asLong())
			.isZero();
	}

}
