package io.meshgate.bridge.reconciler;

import java.time.Instant;
import java.util.List;

import io.meshgate.bridge.customresource.EurekaSyncer;
import io.meshgate.bridge.customresource.EurekaSyncerSpec;
import io.meshgate.bridge.customresource.EurekaSyncerStatus;
import io.meshgate.bridge.customresource.ExportTarget;
import io.meshgate.bridge.customresource.Lease;
import io.meshgate.bridge.customresource.PendingCancellation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which targets an export syncer has left, read from its spec and status alone.
 */
class TargetChangesTests {

	private static final String EUREKA = "http://eureka.example:8761/eureka";

	private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

	@Test
	void statusWithoutARecordLeavesNothingToCancel() {
		assertThat(TargetChanges.left(syncer("ORDERS", null, null), NOW)).isEmpty();
	}

	@Test
	void unchangedTargetLeavesNothingToCancel() {
		assertThat(TargetChanges.left(syncer("ORDERS", target("ORDERS"), null), NOW)).isEmpty();
	}

	@Test
	void changedTargetIsLeftForOneLeaseDurationOfTheOldTarget() {
		ExportTarget old = new ExportTarget("PURCHASES", List.of(EUREKA), 40);

		assertThat(TargetChanges.left(syncer("ORDERS", old, null), NOW))
			.containsExactly(new PendingCancellation(old, "2026-01-01T12:00:40Z"));
	}

	@Test
	void targetsStillPendingAreKeptBesideTheOneJustLeft() {
		PendingCancellation earlier = PendingCancellation.of(target("CARTS"), NOW.minusSeconds(10));

		assertThat(TargetChanges.left(syncer("ORDERS", target("PURCHASES"), List.of(earlier)), NOW))
			.extracting((left) -> left.target().appName())
			.containsExactly("CARTS", "PURCHASES");
	}

	@Test
	void returningToAPendingTargetRenewsItsInstancesInsteadOfCancellingThem() {
		PendingCancellation earlier = PendingCancellation.of(target("ORDERS"), NOW.minusSeconds(10));

		assertThat(TargetChanges.left(syncer("ORDERS", target("PURCHASES"), List.of(earlier)), NOW))
			.extracting((left) -> left.target().appName())
			.containsExactly("PURCHASES");
	}

	private static ExportTarget target(String app) {
		return new ExportTarget(app, List.of(EUREKA), 90);
	}

	private static EurekaSyncer syncer(String app, ExportTarget exportedTo, List<PendingCancellation> pending) {
		EurekaSyncer syncer = new EurekaSyncer();
		syncer.setSpec(new EurekaSyncerSpec("export", app, List.of(EUREKA), "orders", null, "service", null,
				new Lease(30, 90), null, null, null));
		syncer.setStatus(new EurekaSyncerStatus(1L, List.of(), 1, null, exportedTo, pending));
		return syncer;
	}

}
