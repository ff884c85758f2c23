package io.meshgate.bridge.customresource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRD under k8s/base is the one the build generates from the Java classes: a change
 * to the spec or status that is not copied there fails here rather than in a cluster.
 */
class CustomResourceDefinitionTests {

	private static final String GENERATED = "META-INF/fabric8/eurekasyncers.discovery.meshgate.io-v1.yml";

	private static final Path COMMITTED = Path.of("k8s/base/customresourcedefinition-eurekasyncers.yaml");

	private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

	@Test
	void committedCrdIsTheGeneratedOne() throws IOException {
		JsonNode generated;
		try (InputStream stream = getClass().getClassLoader().getResourceAsStream(GENERATED)) {
			generated = this.yaml.readTree(stream);
		}
		JsonNode committed = this.yaml.readTree(Files.readString(COMMITTED));

		assertThat(committed).as("%s differs from the generated target/classes/%s: copy it over", COMMITTED, GENERATED)
			.isEqualTo(generated);
	}

	@Test
	void crdDescribesANamespacedResourceWithAStatusSubresource() throws IOException {
		JsonNode crd = this.yaml.readTree(Files.readString(COMMITTED));

		assertThat(crd.path("spec").path("scope").asText()).isEqualTo("Namespaced");
		assertThat(crd.path("spec").path("versions").get(0).path("name").asText()).isEqualTo("v1alpha1");
		assertThat(crd.path("spec").path("versions").get(0).path("subresources").has("status")).isTrue();
		assertThat(crd.path("spec").path("versions").get(0).at("/schema/openAPIV3Schema/properties/spec/required"))
			.extracting(JsonNode::asText)
			.containsExactlyInAnyOrder("appName", "direction", "eurekaUrls");
	}

}
