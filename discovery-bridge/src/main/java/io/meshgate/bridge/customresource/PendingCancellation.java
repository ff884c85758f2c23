package io.meshgate.bridge.customresource;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * Instances an export left at an earlier target and could not cancel yet, because the
 * servers there did not answer. Every pass tries again until {@code until}: by then
 * nobody has renewed their leases for a whole lease duration, so Eureka evicts them on
 * its own, and a decommissioned server cannot keep a syncer trying forever.
 *
 * @param target where the instances were registered
 * @param until when the operator stops trying (RFC 3339)
 */
public record PendingCancellation(
		@JsonPropertyDescription("Where the instances were registered.") @Required ExportTarget target,
		@JsonPropertyDescription("When their leases have expired anyway and the operator stops trying.") @Required String until) {

	/**
	 * Instances at a target the syncer left at {@code since}; none of their leases was
	 * renewed later.
	 */
	public static PendingCancellation of(ExportTarget target, Instant since) {
		return new PendingCancellation(target, since.plusSeconds(target.leaseDurationSeconds()).toString());
	}

	public boolean expiredAt(Instant now) {
		return Instant.parse(this.until).isBefore(now);
	}

}
