package io.meshgate.manifests;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the declarations leave open stays open: the broken samples of
 * {@link StrictValidationTests} show what they close.
 */
class DeclarationValidatorTests {

	@Test
	void knativeConfigTakesAnyConfigMapAndKeyWithStringValues() {
		ManifestObject serving = new ManifestObject("test", Yaml.documents("""
				apiVersion: operator.knative.dev/v1beta1
				kind: KnativeServing
				metadata: {name: sample, namespace: knative-serving}
				spec:
				  config:
				    autoscaler: {stable-window: 60s, scale-to-zero-grace-period: 30s}
				    a-configmap-of-a-later-release: {any-key: any value}
				""").get(0));

		Map<ManifestObject, List<Violation>> violations = DeclarationValidator.validate(List.of(serving));

		assertThat(DeclarationValidator.covers(serving)).isTrue();
		assertThat(violations.get(serving)).isEmpty();
	}

}
