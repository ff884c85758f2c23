package io.meshgate.manifests;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each platform rule catches its broken sample under
 * {@code src/test/resources/broken/rules}, naming the file, the object and the field.
 */
class PlatformRulesBrokenSamplesTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/rules");

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					principal-without-serviceaccount.yaml    | principals have ServiceAccounts        | spec.rules[0].from[0].source.principals[0]
					host-without-service.yaml                | mesh hosts are Services                | spec.host
					service-selects-nothing.yaml             | Services reach workload ports          | spec.selector
					service-target-port-missing.yaml         | Services reach workload ports          | spec.ports[0].targetPort
					probe-port-missing.yaml                  | probes target declared ports           | spec.template.spec.containers[0].readinessProbe.httpGet.port
					image-latest.yaml                        | images and charts are pinned           | spec.template.spec.containers[0].image
					image-untagged.yaml                      | images and charts are pinned           | spec.template.spec.containers[0].image
					chart-version-range.yaml                 | images and charts are pinned           | spec.source.targetRevision
					workload-without-allow-policy.yaml       | workloads have an ALLOW policy         | ''
					service-load-balancer.yaml               | only the ingress is exposed            | spec.type
					application-path-missing.yaml            | Argo CD sources exist                  | spec.source.path
					applicationset-glob-matches-nothing.yaml | Argo CD sources exist                  | spec.generators[0].git.directories
					workload-without-version-label.yaml      | workloads carry the contract labels    | metadata.labels
					knative-service-without-app-label.yaml   | workloads carry the contract labels    | spec.template.metadata.labels
					workload-default-serviceaccount.yaml     | workloads run as their ServiceAccount  | spec.template.spec.serviceAccountName
					workload-not-hardened.yaml               | workloads are hardened                 | spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem
					secret-in-git.yaml                       | no Secret comes from git               | ''
					database-url-unverified.yaml             | database connections are verified      | data.SPRING_DATASOURCE_URL
					database-ca-not-mounted.yaml             | database connections are verified      | spec.template.spec.containers[0].volumeMounts
					database-host-not-a-cluster.yaml         | database connections are verified      | spec.template.spec.containers[0].env[0].value
					""")
	void catchesBrokenSample(String sample, String rule, String field) {
		List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve(sample).toAbsolutePath());
		List<Violation> violations = PlatformRulesTests.rules().get(rule).apply(objects);
		BrokenSamples.assertCaught(violations, sample, field);
	}

}
