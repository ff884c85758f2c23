package io.meshgate.bridge.reconciler;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryLocation;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.fabric8.istio.api.api.networking.v1alpha3.WorkloadEntry;
import io.fabric8.istio.api.networking.v1.ServiceEntry;
import io.fabric8.istio.client.IstioClient;
import io.meshgate.bridge.customresource.EurekaSyncerSpec;
import io.meshgate.bridge.eureka.EurekaInstance;
import io.meshgate.bridge.support.OperatorTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Import: the UP instances of a Eureka application as the endpoints of an Istio
 * ServiceEntry.
 */
class ImportIntegrationTests extends OperatorTestSupport {

	@Test
	void upInstancesOfTheApplicationBecomeEndpointsOfAServiceEntry() {
		register("LEGACY-CATALOG", "192.168.10.1", 8080, EurekaInstance.UP, Map.of());
		register("LEGACY-CATALOG", "192.168.10.2", 8081, EurekaInstance.UP, Map.of());
		register("LEGACY-CATALOG", "192.168.10.3", 8080, EurekaInstance.DOWN, Map.of());
		// Exported from Kubernetes by the bridge: must never be imported back.
		register("LEGACY-CATALOG", "10.1.1.1", 8080, EurekaInstance.UP, Map.of("managed-by", "discovery-bridge"));

		createSyncer("catalog-import", importSpec("LEGACY-CATALOG", "catalog.legacy.internal"));

		eventually().until(() -> serviceEntry("catalog-import"), (entry) -> entry.isPresent());
		ServiceEntry entry = serviceEntry("catalog-import").orElseThrow();
		assertThat(entry.getSpec().getHosts()).containsExactly("catalog.legacy.internal");
		assertThat(entry.getSpec().getLocation()).isEqualTo(ServiceEntryLocation.MESH_EXTERNAL);
		assertThat(entry.getSpec().getResolution()).isEqualTo(ServiceEntryResolution.STATIC);
		assertThat(entry.getSpec().getExportTo()).containsExactly(".");
		assertThat(entry.getSpec().getPorts()).singleElement().satisfies((port) -> {
			assertThat(port.getNumber()).isEqualTo(80L);
			assertThat(port.getName()).isEqualTo("http");
			assertThat(port.getProtocol()).isEqualTo("HTTP");
		});
		assertThat(entry.getSpec().getEndpoints()).extracting(WorkloadEntry::getAddress, WorkloadEntry::getPorts)
			.containsExactly(tuple("192.168.10.1", Map.of("http", 8080L)),
					tuple("192.168.10.2", Map.of("http", 8081L)));
		assertThat(entry.getMetadata().getOwnerReferences()).singleElement()
			.satisfies((owner) -> assertThat(owner.getName()).isEqualTo("catalog-import"));
		eventually().until(() -> condition("catalog-import", "Synced"),
				(synced) -> synced.filter((c) -> "Imported".equals(c.getReason())).isPresent());
		assertThat(syncer("catalog-import").orElseThrow().getStatus().instances()).isEqualTo(2);
	}

	@Test
	void serviceEntryFollowsEurekaAsInstancesComeAndGo() {
		register("LEGACY-PRICES", "192.168.20.1", 8080, EurekaInstance.UP, Map.of());
		createSyncer("prices-import", importSpec("LEGACY-PRICES", "prices.legacy.internal"));
		eventually().until(() -> endpointAddresses("prices-import"),
				(addresses) -> addresses.equals(List.of("192.168.20.1")));

		register("LEGACY-PRICES", "192.168.20.2", 8080, EurekaInstance.UP, Map.of());
		eventually().until(() -> endpointAddresses("prices-import"),
				(addresses) -> addresses.equals(List.of("192.168.20.1", "192.168.20.2")));

		this.eurekaClient.deregister(eureka().url(), "LEGACY-PRICES", "192.168.20.1:8080");
		eventually().until(() -> endpointAddresses("prices-import"),
				(addresses) -> addresses.equals(List.of("192.168.20.2")));
	}

	@Test
	void serviceEntryChangedBySomeoneElseIsWrittenBack() {
		register("LEGACY-TAXES", "192.168.30.1", 8080, EurekaInstance.UP, Map.of());
		createSyncer("taxes-import", importSpec("LEGACY-TAXES", "taxes.legacy.internal"));
		eventually().until(() -> serviceEntry("taxes-import"), Optional::isPresent);

		istio().v1().serviceEntries().inNamespace(NAMESPACE).withName("taxes-import").edit((entry) -> {
			entry.getSpec().setHosts(List.of("hijacked.example"));
			return entry;
		});

		eventually().until(() -> serviceEntry("taxes-import").map((entry) -> entry.getSpec().getHosts()),
				(hosts) -> hosts.equals(Optional.of(List.of("taxes.legacy.internal"))));
	}

	@Test
	void deletingTheSyncerRemovesItsServiceEntry() {
		register("LEGACY-FEES", "192.168.40.1", 8080, EurekaInstance.UP, Map.of());
		createSyncer("fees-import", importSpec("LEGACY-FEES", "fees.legacy.internal"));
		eventually().until(() -> serviceEntry("fees-import"), Optional::isPresent);

		deleteSyncer("fees-import");

		eventually().until(() -> serviceEntry("fees-import").isEmpty() && syncer("fees-import").isEmpty());
	}

	private EurekaSyncerSpec importSpec(String app, String host) {
		return new EurekaSyncerSpec("import", app, List.of(eureka().url().toString()), null, null, null, null, null,
				host, null, 1);
	}

	private void register(String app, String address, int port, String status, Map<String, String> metadata) {
		this.eurekaClient.register(eureka().url(),
				new EurekaInstance(address + ":" + port, app, address, address, port, status, metadata, 30, 90));
	}

	private Optional<ServiceEntry> serviceEntry(String name) {
		return Optional.ofNullable(istio().v1().serviceEntries().inNamespace(NAMESPACE).withName(name).get());
	}

	private List<String> endpointAddresses(String name) {
		return serviceEntry(name)
			.map((entry) -> entry.getSpec().getEndpoints().stream().map(WorkloadEntry::getAddress).toList())
			.orElse(List.of());
	}

	private IstioClient istio() {
		return this.client.adapt(IstioClient.class);
	}

}
