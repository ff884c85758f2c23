package io.meshgate.bridge.eureka;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON shapes Eureka writes and reads. */
class EurekaClientTests {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void singleInstanceWrittenAsAnObjectIsRead() throws Exception {
		String body = """
				{"application":{"name":"BILLING","instance":{"instanceId":"b1","app":"BILLING","hostName":"h1",
				"ipAddr":"192.168.1.5","status":"UP","port":{"$":8443,"@enabled":"true"},
				"leaseInfo":{"renewalIntervalInSecs":30,"durationInSecs":90},
				"metadata":{"@class":"java.util.Collections$EmptyMap"}}}}
				""";

		List<EurekaInstance> instances = EurekaClient.parseApplication(this.json.readTree(body));

		assertThat(instances).singleElement().satisfies((instance) -> {
			assertThat(instance.ipAddr()).isEqualTo("192.168.1.5");
			assertThat(instance.port()).isEqualTo(8443);
			assertThat(instance.metadata()).isEmpty();
		});
	}

	@Test
	void registrationCarriesWhatSpringCloudClientsLookUp() throws Exception {
		EurekaInstance instance = new EurekaInstance("10.0.0.1:8080:shop:orders", "orders", "10.0.0.1", "10.0.0.1",
				8080, EurekaInstance.UP, Map.of("managed-by", "discovery-bridge"), 30, 90);

		var written = this.json.readTree(EurekaClient.toJson(instance)).path("instance");

		assertThat(written.path("app").asText()).isEqualTo("ORDERS");
		assertThat(written.path("vipAddress").asText()).isEqualTo("orders");
		assertThat(written.path("port").path("$").asInt()).isEqualTo(8080);
		assertThat(written.path("port").path("@enabled").asText()).isEqualTo("true");
		assertThat(written.path("dataCenterInfo").path("name").asText()).isEqualTo("MyOwn");
		assertThat(written.path("leaseInfo").path("durationInSecs").asInt()).isEqualTo(90);
	}

}
