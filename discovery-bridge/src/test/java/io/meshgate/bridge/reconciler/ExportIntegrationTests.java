package io.meshgate.bridge.reconciler;

import java.util.List;
import java.util.Map;

import io.meshgate.bridge.customresource.EurekaSyncerSpec;
import io.meshgate.bridge.customresource.Lease;
import io.meshgate.bridge.eureka.EurekaInstance;
import io.meshgate.bridge.support.OperatorTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export: Kubernetes endpoints registered in a real Eureka server, followed as they
 * change, deregistered on delete.
 */
class ExportIntegrationTests extends OperatorTestSupport {

	@Test
	void readyPodsOfAServiceAppearInEurekaWithAddressPortStatusAndMetadata() {
		createService("orders", "10.96.0.10");
		endpoints("orders", endpoint("10.1.0.1", true), endpoint("10.1.0.2", true));

		createSyncer("orders-pods", exportSpec("ORDERS", "orders", "pod"));

		eventually().until(() -> upAddresses("ORDERS"), (up) -> up.equals(List.of("10.1.0.1", "10.1.0.2")));
		assertThat(eurekaInstances("ORDERS")).allSatisfy((instance) -> {
			assertThat(instance.port()).isEqualTo(8080);
			assertThat(instance.hostName()).isEqualTo(instance.ipAddr());
			assertThat(instance.instanceId()).isEqualTo(instance.ipAddr() + ":8080:shop:orders-pods");
			assertThat(instance.renewalIntervalSeconds()).isEqualTo(1);
			assertThat(instance.durationSeconds()).isEqualTo(5);
			assertThat(instance.metadata()).containsEntry("managed-by", "discovery-bridge")
				.containsEntry("k8s-namespace", "shop")
				.containsEntry("k8s-syncer", "orders-pods")
				.containsKey("k8s-pod");
		});
		eventually().until(() -> condition("orders-pods", "Synced"),
				(synced) -> synced.filter((c) -> "True".equals(c.getStatus())).isPresent());
		assertThat(syncer("orders-pods").orElseThrow().getStatus().instances()).isEqualTo(2);
		assertThat(syncer("orders-pods").orElseThrow().getStatus().observedGeneration()).isEqualTo(1L);
		assertThat(condition("orders-pods", "Ready")).hasValueSatisfying((ready) -> {
			assertThat(ready.getStatus()).isEqualTo("True");
			assertThat(ready.getMessage()).contains("Service shop/orders");
		});
	}

	@Test
	void eurekaFollowsWhenTheServiceScalesUpAndDown() {
		createService("carts", "10.96.0.11");
		endpoints("carts", endpoint("10.2.0.1", true));
		createSyncer("carts-pods", exportSpec("CARTS", "carts", "pod"));
		eventually().until(() -> upAddresses("CARTS"), (up) -> up.equals(List.of("10.2.0.1")));

		endpoints("carts", endpoint("10.2.0.1", true), endpoint("10.2.0.2", true), endpoint("10.2.0.3", true));
		eventually().until(() -> upAddresses("CARTS"), (up) -> up.equals(List.of("10.2.0.1", "10.2.0.2", "10.2.0.3")));

		endpoints("carts", endpoint("10.2.0.3", true));
		eventually().until(() -> eurekaInstances("CARTS").stream().map(EurekaInstance::ipAddr).toList(),
				(all) -> all.equals(List.of("10.2.0.3")));
	}

	@Test
	void podThatIsNotReadyIsTakenOutOfServiceAndComesBackWhenReady() {
		createService("stock", "10.96.0.12");
		endpoints("stock", endpoint("10.3.0.1", true), endpoint("10.3.0.2", true));
		createSyncer("stock-pods", exportSpec("STOCK", "stock", "pod"));
		eventually().until(() -> upAddresses("STOCK"), (up) -> up.size() == 2);

		endpoints("stock", endpoint("10.3.0.1", true), endpoint("10.3.0.2", false));

		eventually().until(() -> upAddresses("STOCK"), (up) -> up.equals(List.of("10.3.0.1")));
		assertThat(eurekaInstances("STOCK")).filteredOn((instance) -> instance.ipAddr().equals("10.3.0.2"))
			.singleElement()
			.extracting(EurekaInstance::status)
			.isEqualTo(EurekaInstance.DOWN);

		endpoints("stock", endpoint("10.3.0.1", true), endpoint("10.3.0.2", true));
		eventually().until(() -> upAddresses("STOCK"), (up) -> up.size() == 2);
	}

	@Test
	void serviceModeRegistersTheClusterDnsNameUpWhileAnyEndpointIsReady() {
		createService("billing", "10.96.0.13");
		endpoints("billing", endpoint("10.4.0.1", true));

		createSyncer("billing-service", exportSpec("BILLING", "billing", "service"));

		eventually().until(() -> eurekaInstances("BILLING"), (all) -> all.size() == 1 && all.get(0).isUp());
		EurekaInstance instance = eurekaInstances("BILLING").get(0);
		assertThat(instance.hostName()).isEqualTo("billing.shop.svc.cluster.local");
		assertThat(instance.ipAddr()).isEqualTo("10.96.0.13");
		assertThat(instance.port()).isEqualTo(80);

		endpoints("billing", endpoint("10.4.0.1", false));
		eventually().until(() -> eurekaInstances("BILLING"),
				(all) -> all.size() == 1 && EurekaInstance.DOWN.equals(all.get(0).status()));
	}

	@Test
	void podsChosenBySelectorAreRegisteredOnTheGivenPort() {
		pod("legacy-1", Map.of("app", "legacy"), "10.5.0.1", true);
		pod("legacy-2", Map.of("app", "legacy"), "10.5.0.2", false);
		pod("other", Map.of("app", "other"), "10.5.0.3", true);

		createSyncer("legacy-pods", new EurekaSyncerSpec("export", "LEGACY", List.of(eureka().url().toString()), null,
				Map.of("app", "legacy"), "pod", 9090, new Lease(1, 5), null, null, null));

		eventually().until(() -> eurekaInstances("LEGACY"), (all) -> all.size() == 2);
		assertThat(upAddresses("LEGACY")).containsExactly("10.5.0.1");
		assertThat(eurekaInstances("LEGACY")).allSatisfy((instance) -> assertThat(instance.port()).isEqualTo(9090));

		pod("legacy-2", Map.of("app", "legacy"), "10.5.0.2", true);
		eventually().until(() -> upAddresses("LEGACY"), (up) -> up.equals(List.of("10.5.0.1", "10.5.0.2")));
	}

	@Test
	void deletingTheSyncerDeregistersEveryInstanceAndRemovesTheFinalizer() {
		createService("invoices", "10.96.0.14");
		endpoints("invoices", endpoint("10.6.0.1", true), endpoint("10.6.0.2", true));
		createSyncer("invoices-pods", exportSpec("INVOICES", "invoices", "pod"));
		eventually().until(() -> upAddresses("INVOICES"), (up) -> up.size() == 2);
		assertThat(syncer("invoices-pods").orElseThrow().getMetadata().getFinalizers()).isNotEmpty();

		deleteSyncer("invoices-pods");

		eventually().until(() -> eurekaInstances("INVOICES").isEmpty() && syncer("invoices-pods").isEmpty());
		assertThat(events("invoices-pods"))
			.anySatisfy((event) -> assertThat(event.getReason()).isEqualTo("Deregistered"));
	}

	@Test
	void instanceEurekaLostIsRegisteredAgainOnTheNextRenewal() {
		createService("payments", "10.96.0.15");
		endpoints("payments", endpoint("10.7.0.1", true));
		createSyncer("payments-pods", exportSpec("PAYMENTS", "payments", "pod"));
		eventually().until(() -> upAddresses("PAYMENTS"), (up) -> up.size() == 1);

		// What a restarted Eureka server looks like to a renewal: the instance is
		// unknown.
		this.eurekaClient.deregister(eureka().url(), "PAYMENTS", "10.7.0.1:8080:shop:payments-pods");

		eventually().until(() -> upAddresses("PAYMENTS"), (up) -> up.equals(List.of("10.7.0.1")));
	}

	@Test
	void restartedOperatorAdoptsWhatItsPredecessorRegisteredAndConverges() {
		createService("search", "10.96.0.16");
		endpoints("search", endpoint("10.8.0.1", true), endpoint("10.8.0.2", true));
		createSyncer("search-pods", exportSpec("SEARCH", "search", "pod"));
		eventually().until(() -> upAddresses("SEARCH"), (up) -> up.size() == 2);

		this.operator.stop();
		endpoints("search", endpoint("10.8.0.2", true));
		restartOperator();

		eventually().until(() -> eurekaInstances("SEARCH").stream().map(EurekaInstance::ipAddr).toList(),
				(all) -> all.equals(List.of("10.8.0.2")));
	}

	@Test
	void missingServiceIsReportedAndNothingIsRegistered() {
		createSyncer("ghost-pods", exportSpec("GHOST", "ghost", "pod"));

		eventually().until(() -> condition("ghost-pods", "Ready"),
				(ready) -> ready.filter((c) -> "ServiceNotFound".equals(c.getReason())).isPresent());
		assertThat(condition("ghost-pods", "Ready").orElseThrow().getStatus()).isEqualTo("False");
		assertThat(eurekaInstances("GHOST")).isEmpty();

		createService("ghost", "10.96.0.17");
		endpoints("ghost", endpoint("10.9.0.1", true));
		eventually().until(() -> upAddresses("GHOST"), (up) -> up.equals(List.of("10.9.0.1")));
		eventually().until(() -> condition("ghost-pods", "Ready"),
				(ready) -> ready.filter((c) -> "True".equals(c.getStatus())).isPresent());
	}

}
