package io.meshgate.manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kind-up.sh's small profile fits a laptop: what its pods request stays within the budget
 * of scripts/kind-profiles.yaml, which docs/deploy.md quotes.
 */
class KindProfileBudgetTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/kind");

	@Test
	void smallProfileFitsItsBudget() {
		KindProfileBudget small = KindProfileBudget.of("small");
		List<ManifestObject> bundle = small.bundle();
		KindProfileBudget.Resources total = small.requests(bundle)
			.stream()
			.map(KindProfileBudget.Request::resources)
			.reduce(KindProfileBudget.Resources.NONE, KindProfileBudget.Resources::plus);
		System.out.println("kind profile small requests " + total + " (budget " + small.allowed() + ")");
		Violations.assertNone(small.check(bundle));
	}

	@Test
	void smallProfileLeavesOutTheLogStore() {
		List<ManifestObject> bundle = KindProfileBudget.of("small").bundle();
		assertThat(bundle).extracting(ManifestObject::kind).isNotEmpty().doesNotContain("Elasticsearch", "Kibana");
		assertThat(bundle).filteredOn((object) -> object.is("Application"))
			.extracting(ManifestObject::name)
			.contains("istiod", "kube-prometheus-stack", "observability")
			.doesNotContain("eck-operator", "fluent-bit");
	}

	@Test
	void kindUpAndTheDeployGuideUseTheBudgetFile() throws IOException {
		KindProfileBudget small = KindProfileBudget.of("small");
		String script = Files.readString(Repository.root().resolve("scripts/kind-up.sh"));
		assertThat(script).contains("small) bootstrap=\"" + small.bootstrap() + "\"");
		String guide = Files.readString(Repository.root().resolve("docs/deploy.md"));
		KindProfileBudget.Resources docker = KindProfileBudget.Resources.of(small.docker());
		assertThat(guide).contains(KindProfileBudget.PROFILES.toString(), docker.cpuMillis() / 1000 + " CPUs",
				docker.memoryMebibytes() / 1024 + " GiB");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			over-budget.yaml            | spec.template.spec.containers[0].resources.requests
			chart-requests-unset.yaml   | spec.source.helm.valuesObject.pilot.resources.requests
			chart-not-in-budget.yaml    | spec.source.chart
			""")
	void catchesBrokenSample(String sample, String field) {
		List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve(sample).toAbsolutePath());
		List<Violation> violations = KindProfileBudget.of("small").check(objects);
		BrokenSamples.assertCaught(violations, sample, field);
	}

}
