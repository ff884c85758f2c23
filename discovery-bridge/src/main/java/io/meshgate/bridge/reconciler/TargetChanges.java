package io.meshgate.bridge.reconciler;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.meshgate.bridge.customresource.EurekaSyncer;
import io.meshgate.bridge.customresource.EurekaSyncerStatus;
import io.meshgate.bridge.customresource.ExportTarget;
import io.meshgate.bridge.customresource.PendingCancellation;
import io.meshgate.bridge.eureka.EurekaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels what an export syncer registered at a target it has left: under its previous
 * {@code appName} or at its previous {@code eurekaUrls}. The operator keeps no state of
 * its own, so the status says where the last successful pass registered
 * ({@code exportedTo}) and what could not be cancelled yet
 * ({@code pendingCancellations}).
 */
final class TargetChanges {

	private static final Logger log = LoggerFactory.getLogger(TargetChanges.class);

	private final EurekaExport export;

	private final SyncerEvents events;

	TargetChanges(EurekaExport export, SyncerEvents events) {
		this.export = export;
		this.events = events;
	}

	/**
	 * The targets whose instances may still be registered although the spec names
	 * another: those pending from earlier passes and, if the spec has changed since the
	 * last successful pass, the target of that pass.
	 * @param syncer an export syncer
	 * @param since when a target the spec has just left counts as left
	 * @return the targets to cancel at
	 */
	static List<PendingCancellation> left(EurekaSyncer syncer, Instant since) {
		ExportTarget current = syncer.getSpec().exportTarget();
		// A status written before these fields existed leaves nothing to cancel.
		Optional<EurekaSyncerStatus> status = Optional.ofNullable(syncer.getStatus());
		List<PendingCancellation> left = new ArrayList<>(
				status.map(EurekaSyncerStatus::pendingCancellations).orElse(List.of()));
		status.map(EurekaSyncerStatus::exportedTo)
			.filter((exported) -> !exported.sameAs(current))
			.ifPresent((exported) -> left.add(PendingCancellation.of(exported, since)));
		// Back at a target it left: the pass renews those instances instead.
		left.removeIf((pending) -> pending.target().sameAs(current));
		return left;
	}

	/**
	 * Cancels the syncer's instances at each target. A target whose servers cannot be
	 * reached (or refuse) stays pending until its leases have expired anyway; after that
	 * it is given up with a Warning Event.
	 * @param syncer the syncer whose instances are cancelled
	 * @param targets where to cancel them
	 * @return the targets still pending
	 */
	List<PendingCancellation> cancel(EurekaSyncer syncer, List<PendingCancellation> targets) {
		List<PendingCancellation> pending = new ArrayList<>();
		for (PendingCancellation left : targets) {
			if (!cancelOrGiveUp(syncer, left)) {
				pending.add(left);
			}
		}
		return pending;
	}

	/** Whether nothing is left to do at the target. */
	private boolean cancelOrGiveUp(EurekaSyncer syncer, PendingCancellation left) {
		ExportTarget target = left.target();
		String app = target.appName().toUpperCase(Locale.ROOT);
		try {
			List<URI> servers = target.eurekaUrls().stream().map(URI::create).toList();
			int cancelled = this.export.deregisterAll(servers, target.appName(), Owner.of(syncer));
			// Nothing found is a retry after an earlier success: one event is enough.
			if (cancelled > 0) {
				this.events.normal(syncer, "Deregistered",
						cancelled + " instance(s) deregistered from " + app + " at " + target.eurekaUrls());
			}
			return true;
		}
		catch (EurekaException ex) {
			if (!left.expiredAt(Instant.now())) {
				log.warn("Instances of EurekaSyncer {}/{} under {} at {} not cancelled yet, retrying until {}: {}",
						syncer.getMetadata().getNamespace(), syncer.getMetadata().getName(), app, target.eurekaUrls(),
						left.until(), ex.getMessage());
				return false;
			}
			// Nobody has renewed those leases for a lease duration, so Eureka evicts the
			// instances on its own: a decommissioned server must not keep the syncer
			// trying forever.
			this.events.warning(syncer, "DeregistrationAbandoned",
					"Eureka at " + target.eurekaUrls() + " stayed unreachable for longer than the lease; instances of "
							+ app + " expire there: " + ex.getMessage());
			return true;
		}
	}

}
