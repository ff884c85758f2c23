package io.meshgate.bridge.reconciler;

import java.util.List;
import java.util.Map;

import io.meshgate.bridge.customresource.EurekaSyncerSpec;
import io.meshgate.bridge.customresource.Lease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpecValidationTests {

	private static final List<String> EUREKA = List.of("http://eureka.legacy.example:8761/eureka");

	@Test
	void validExportAndImportSpecsPass() {
		assertThat(SpecValidation.problems(export("orders", null, null, null))).isEmpty();
		assertThat(SpecValidation.problems(export(null, Map.of("app", "orders"), "pod", 8080))).isEmpty();
		assertThat(SpecValidation.problems(new EurekaSyncerSpec("import", "LEGACY-BILLING", EUREKA, null, null, null,
				null, null, "billing.legacy.internal", "MESH_INTERNAL", null)))
			.isEmpty();
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		EurekaSyncerSpec spec = new EurekaSyncerSpec("export", "ORDERS", List.of("ftp://eureka"), "Orders", null,
				"sidecar", null, null, null, null, null);

		assertThat(SpecValidation.problems(spec))
			.hasValueSatisfying((problems) -> assertThat(problems).contains("'ftp://eureka' is not an http(s) URL",
					"spec.service must be a DNS label", "spec.mode must be service or pod"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "orders_service", "Orders", "-orders", "orders-",
			"a123456789012345678901234567890123456789012345678901234567890123" })
	void serviceNamesThatAreNotDnsLabelsAreRejected(String service) {
		assertThat(SpecValidation.problems(export(service, null, null, null)))
			.hasValueSatisfying((problems) -> assertThat(problems).contains("spec.service must be a DNS label"));
	}

	@Test
	void selectorNeedsPodModeAndAPort() {
		assertThat(SpecValidation.problems(export(null, Map.of("app", "orders"), "service", null)))
			.hasValueSatisfying((problems) -> assertThat(problems).contains("needs spec.mode pod", "needs spec.port"));
	}

	@Test
	void exportNeedsASource() {
		assertThat(SpecValidation.problems(export(null, null, null, null))).hasValueSatisfying(
				(problems) -> assertThat(problems).contains("export needs spec.service or spec.selector"));
	}

	@Test
	void leaseMustOutliveItsRenewalInterval() {
		EurekaSyncerSpec spec = new EurekaSyncerSpec("export", "ORDERS", EUREKA, "orders", null, null, null,
				new Lease(30, 30), null, null, null);

		assertThat(SpecValidation.problems(spec))
			.hasValueSatisfying((problems) -> assertThat(problems).contains("durationSeconds must be longer"));
	}

	@Test
	void unknownDirectionAndBadAppNameAreRejected() {
		EurekaSyncerSpec spec = new EurekaSyncerSpec("sideways", "ORDERS SERVICE", EUREKA, null, null, null, null, null,
				null, null, null);

		assertThat(SpecValidation.problems(spec)).hasValueSatisfying((problems) -> assertThat(problems)
			.contains("spec.direction must be export or import, was 'sideways'", "spec.appName must be a DNS label"));
	}

	@Test
	void importNeedsALowerCaseHostAndAKnownLocation() {
		EurekaSyncerSpec spec = new EurekaSyncerSpec("import", "BILLING", EUREKA, null, null, null, null, null,
				"Billing.Legacy", "OUTSIDE", null);

		assertThat(SpecValidation.problems(spec)).hasValueSatisfying((problems) -> assertThat(problems)
			.contains("import needs spec.host", "spec.location must be MESH_EXTERNAL or MESH_INTERNAL"));
	}

	private static EurekaSyncerSpec export(String service, Map<String, String> selector, String mode, Integer port) {
		return new EurekaSyncerSpec("export", "ORDERS", EUREKA, service, selector, mode, port, null, null, null, null);
	}

}
