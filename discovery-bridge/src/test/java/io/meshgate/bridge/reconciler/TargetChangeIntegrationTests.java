package io.meshgate.bridge.reconciler;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.meshgate.bridge.customresource.EurekaSyncer;
import io.meshgate.bridge.customresource.EurekaSyncerSpec;
import io.meshgate.bridge.customresource.EurekaSyncerStatus;
import io.meshgate.bridge.customresource.ExportTarget;
import io.meshgate.bridge.customresource.Lease;
import io.meshgate.bridge.customresource.PendingCancellation;
import io.meshgate.bridge.eureka.EurekaInstance;
import io.meshgate.bridge.support.EurekaTestServer;
import io.meshgate.bridge.support.OperatorTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export whose {@code appName} or {@code eurekaUrls} change cancels what it registered
 * at the old target on the next pass, rather than leaving it to expire. Leases are long
 * (60 s) wherever an instance that is left behind must stay visible to the assertions.
 */
class TargetChangeIntegrationTests extends OperatorTestSupport {

	private static final Lease LONG_LEASE = new Lease(1, 60);

	private final EurekaTestServer otherEureka = new EurekaTestServer().start();

	@BeforeEach
	void otherEurekaIsUp() {
		if (!this.otherEureka.isRunning()) {
			this.otherEureka.start();
		}
	}

	@AfterAll
	void stopOtherEureka() {
		this.otherEureka.close();
	}

	@Test
	void changedAppNameCancelsTheSyncersInstancesUnderTheOldName() {
		createService("gifts", "10.96.4.10");
		endpoints("gifts", endpoint("10.50.0.1", true), endpoint("10.50.0.2", true));
		createSyncer("gifts-pods", spec("GIFTS", "gifts", eureka(), LONG_LEASE));
		eventually().until(() -> upAddresses("GIFTS"), (up) -> up.size() == 2);
		// A VM of the same application, registered by itself: not the syncer's to cancel.
		this.eurekaClient.register(eureka().url(), new EurekaInstance("vm-1:8080", "GIFTS", "vm-1", "192.168.0.1", 8080,
				EurekaInstance.UP, Map.of(), 30, 90));

		updateSpec("gifts-pods", spec("GIFT-CARDS", "gifts", eureka(), LONG_LEASE));

		eventually().until(() -> exportedTo("gifts-pods"),
				(target) -> target.filter((exported) -> exported.appName().equals("GIFT-CARDS")).isPresent());
		assertThat(ownedBy("gifts-pods", eureka(), "GIFTS")).isEmpty();
		assertThat(eurekaInstances("GIFTS")).extracting(EurekaInstance::instanceId).containsExactly("vm-1:8080");
		assertThat(upAddresses("GIFT-CARDS")).containsExactly("10.50.0.1", "10.50.0.2");
		assertThat(events("gifts-pods")).anySatisfy((event) -> {
			assertThat(event.getReason()).isEqualTo("Deregistered");
			assertThat(event.getMessage()).contains("2 instance(s)", "GIFTS");
		});
	}

	@Test
	void changedEurekaUrlsCancelTheSyncersInstancesAtTheOldServer() {
		createService("coupons", "10.96.4.11");
		endpoints("coupons", endpoint("10.51.0.1", true), endpoint("10.51.0.2", true));
		createSyncer("coupons-pods", spec("COUPONS", "coupons", eureka(), LONG_LEASE));
		eventually().until(() -> upAddresses("COUPONS"), (up) -> up.size() == 2);

		updateSpec("coupons-pods", spec("COUPONS", "coupons", this.otherEureka, LONG_LEASE));

		eventually().until(() -> exportedTo("coupons-pods"),
				(target) -> target
					.filter((exported) -> exported.eurekaUrls().equals(List.of(this.otherEureka.url().toString())))
					.isPresent());
		assertThat(ownedBy("coupons-pods", eureka(), "COUPONS")).isEmpty();
		assertThat(ownedBy("coupons-pods", this.otherEureka, "COUPONS")).extracting(EurekaInstance::ipAddr)
			.containsExactlyInAnyOrder("10.51.0.1", "10.51.0.2");
	}

	@Test
	void unreachableOldServerDoesNotHoldTheNewTargetAndIsGivenUpAfterTheLease() {
		createService("returns", "10.96.4.12");
		endpoints("returns", endpoint("10.52.0.1", true));
		createSyncer("returns-pods", spec("RETURNS", "returns", this.otherEureka, new Lease(1, 5)));
		eventually().until(() -> ownedBy("returns-pods", this.otherEureka, "RETURNS"), (owned) -> owned.size() == 1);
		this.otherEureka.stop();

		updateSpec("returns-pods", spec("RETURNS", "returns", eureka(), new Lease(1, 5)));

		eventually().until(() -> exportedTo("returns-pods"),
				(target) -> target
					.filter((exported) -> exported.eurekaUrls().equals(List.of(eureka().url().toString())))
					.isPresent());
		assertThat(condition("returns-pods", "Synced").orElseThrow().getStatus()).isEqualTo("True");
		assertThat(upAddresses("RETURNS")).containsExactly("10.52.0.1");
		PendingCancellation pending = status("returns-pods").orElseThrow().pendingCancellations().get(0);
		assertThat(pending.target().eurekaUrls()).containsExactly(this.otherEureka.url().toString());

		eventually().until(() -> status("returns-pods").orElseThrow().pendingCancellations() == null);
		assertThat(Instant.now()).isAfter(Instant.parse(pending.until()));
		assertThat(events("returns-pods"))
			.anySatisfy((event) -> assertThat(event.getReason()).isEqualTo("DeregistrationAbandoned"));
		assertThat(condition("returns-pods", "Synced").orElseThrow().getStatus()).isEqualTo("True");
	}

	@Test
	void statusOfThePreviousVersionCancelsNothing() {
		createService("loyalty", "10.96.4.13");
		endpoints("loyalty", endpoint("10.53.0.1", true));
		createSyncer("loyalty-pods", spec("LOYALTY", "loyalty", eureka(), LONG_LEASE));
		eventually().until(() -> exportedTo("loyalty-pods"), Optional::isPresent);
		this.operator.stop();

		EurekaSyncerStatus current = status("loyalty-pods").orElseThrow();
		updateStatus("loyalty-pods", new EurekaSyncerStatus(current.observedGeneration(), current.conditions(),
				current.instances(), current.lastSyncTime(), null, null));
		updateSpec("loyalty-pods", spec("LOYALTY-V2", "loyalty", eureka(), LONG_LEASE));
		restartOperator();

		eventually().until(() -> exportedTo("loyalty-pods"),
				(target) -> target.filter((exported) -> exported.appName().equals("LOYALTY-V2")).isPresent());
		assertThat(upAddresses("LOYALTY-V2")).containsExactly("10.53.0.1");
		// Left to expire, as the previous version did.
		assertThat(ownedBy("loyalty-pods", eureka(), "LOYALTY")).hasSize(1);
	}

	@Test
	void deletionCancelsAtTheRecordedTargetWhenTheChangeWasNeverSynced() {
		createService("vouchers", "10.96.4.14");
		endpoints("vouchers", endpoint("10.54.0.1", true));
		createSyncer("vouchers-pods", spec("VOUCHERS", "vouchers", eureka(), LONG_LEASE));
		eventually().until(() -> exportedTo("vouchers-pods"), Optional::isPresent);
		this.operator.stop();

		updateSpec("vouchers-pods", spec("VOUCHERS-V2", "vouchers", eureka(), LONG_LEASE));
		deleteSyncer("vouchers-pods");
		restartOperator();

		eventually().until(() -> syncer("vouchers-pods").isEmpty());
		assertThat(ownedBy("vouchers-pods", eureka(), "VOUCHERS")).isEmpty();
	}

	private static EurekaSyncerSpec spec(String app, String service, EurekaTestServer server, Lease lease) {
		return new EurekaSyncerSpec("export", app, List.of(server.url().toString()), service, null, "pod", null, lease,
				null, null, null);
	}

	// A patch without the resource version: the operator writes the status every second,
	// so an edit would often be refused as stale. Not a merge patch: the mock API server
	// merges lists, where a merge patch replaces them.
	private void updateSpec(String name, EurekaSyncerSpec spec) {
		this.client.resources(EurekaSyncer.class)
			.inNamespace(NAMESPACE)
			.withName(name)
			.patch(PatchContext.of(PatchType.JSON), this.client.getKubernetesSerialization()
				.asJson(List.of(Map.of("op", "replace", "path", "/spec", "value", spec))));
	}

	private void updateStatus(String name, EurekaSyncerStatus status) {
		this.client.resources(EurekaSyncer.class).inNamespace(NAMESPACE).withName(name).editStatus((syncer) -> {
			syncer.setStatus(status);
			return syncer;
		});
	}

	private Optional<EurekaSyncerStatus> status(String name) {
		return syncer(name).map(EurekaSyncer::getStatus);
	}

	private Optional<ExportTarget> exportedTo(String name) {
		return status(name).map(EurekaSyncerStatus::exportedTo);
	}

	private List<EurekaInstance> ownedBy(String syncer, EurekaTestServer server, String app) {
		return this.eurekaClient.instances(server.url(), app)
			.stream()
			.filter((instance) -> syncer.equals(instance.metadata().get("k8s-syncer")))
			.toList();
	}

}
