package io.meshgate.bridge.reconciler;

import java.util.List;
import java.util.Map;

import io.meshgate.bridge.customresource.EurekaSyncer;
import io.meshgate.bridge.customresource.EurekaSyncerSpec;
import io.meshgate.bridge.customresource.Lease;
import io.meshgate.bridge.support.OperatorTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input ends in a condition and an event that say what is wrong, never in a failing
 * loop. The mock API server does not apply the CRD schema, so these specs reach the
 * operator as they would with a CRD older than it.
 */
class InvalidSpecIntegrationTests extends OperatorTestSupport {

	@Test
	void serviceTogetherWithSelectorIsRejected() {
		assertRejected("both-sources", export("orders", Map.of("app", "orders"), "pod"), "mutually exclusive");
	}

	@Test
	void unknownModeIsRejected() {
		assertRejected("odd-mode", export("orders", null, "sidecar"),
				"spec.mode must be service or pod, was 'sidecar'");
	}

	@Test
	void serviceNameThatIsNotADnsLabelIsRejected() {
		assertRejected("bad-name", export("Orders_Service", null, "service"), "spec.service must be a DNS label");
	}

	@Test
	void eurekaUrlThatIsNoUrlIsRejected() {
		assertRejected("bad-url", new EurekaSyncerSpec("export", "ORDERS", List.of("eureka:8761"), "orders", null,
				"service", null, null, null, null, null), "'eureka:8761' is not an http(s) URL");
	}

	@Test
	void importWithoutHostIsRejected() {
		assertRejected("no-host", new EurekaSyncerSpec("import", "ORDERS", List.of(eureka().url().toString()), null,
				null, null, null, null, null, null, null), "import needs spec.host");
	}

	@Test
	void unreachableEurekaUrlIsReportedAsSuchWhileTheSpecStaysReady() {
		createSyncer("nobody-home", new EurekaSyncerSpec("export", "ORDERS", List.of("http://127.0.0.1:1/eureka"),
				"orders", null, "service", null, new Lease(1, 5), null, null, null));

		eventually().until(() -> condition("nobody-home", "Synced"),
				(synced) -> synced.filter((c) -> "EurekaUnreachable".equals(c.getReason())).isPresent());
		assertThat(condition("nobody-home", "Synced").orElseThrow().getMessage()).contains("http://127.0.0.1:1/eureka");
	}

	@Test
	void correctedSpecClearsTheCondition() {
		createService("shipping", "10.96.2.10");
		endpoints("shipping", endpoint("10.30.0.1", true));
		assertRejected("corrected", export("shipping", null, "sidecar"), "spec.mode");

		this.client.resources(EurekaSyncer.class).inNamespace(NAMESPACE).withName("corrected").edit((syncer) -> {
			syncer.setSpec(export("shipping", null, "pod"));
			return syncer;
		});

		eventually().until(() -> condition("corrected", "Ready"),
				(ready) -> ready.filter((c) -> "True".equals(c.getStatus())).isPresent());
		eventually().until(() -> upAddresses("CORRECTED"), (up) -> up.equals(List.of("10.30.0.1")));
	}

	private EurekaSyncerSpec export(String service, Map<String, String> selector, String mode) {
		return new EurekaSyncerSpec("export", "CORRECTED", List.of(eureka().url().toString()), service, selector, mode,
				null, new Lease(1, 5), null, null, null);
	}

	private void assertRejected(String name, EurekaSyncerSpec spec, String problem) {
		createSyncer(name, spec);

		eventually().until(() -> condition(name, "Ready"),
				(ready) -> ready.filter((c) -> "InvalidSpec".equals(c.getReason())).isPresent());
		assertThat(condition(name, "Ready")).hasValueSatisfying((ready) -> {
			assertThat(ready.getStatus()).isEqualTo("False");
			assertThat(ready.getMessage()).contains(problem);
		});
		assertThat(condition(name, "Synced")).hasValueSatisfying((synced) -> {
			assertThat(synced.getStatus()).isEqualTo("False");
			assertThat(synced.getReason()).isEqualTo("InvalidSpec");
		});
		eventually().until(() -> events(name), (events) -> events.stream()
			.anyMatch((event) -> "Warning".equals(event.getType()) && "InvalidSpec".equals(event.getReason())));
		assertThat(events(name)).hasSize(1);
	}

}
