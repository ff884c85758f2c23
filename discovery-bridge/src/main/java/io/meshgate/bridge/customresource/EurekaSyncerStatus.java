package io.meshgate.bridge.customresource;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

/**
 * What the operator observed on its last pass.
 *
 * @param observedGeneration the generation of the spec this status describes
 * @param conditions {@code Ready} (the spec is valid and its source exists) and
 * {@code Synced} (the last exchange with Eureka, and the ServiceEntry write, succeeded)
 * @param instances instances registered in Eureka (export) or endpoints imported into the
 * mesh (import)
 * @param lastSyncTime when the last successful pass ended (RFC 3339)
 * @param exportedTo export: where the last successful pass registered the instances;
 * absent in a status written before the operator recorded it, which leaves nothing to
 * cancel
 * @param pendingCancellations export: earlier targets whose instances could not be
 * cancelled yet
 */
public record EurekaSyncerStatus(
		@JsonPropertyDescription("The generation of the spec this status describes.") Long observedGeneration,
		@JsonPropertyDescription("Ready: the spec is valid and its source exists. Synced: the last exchange with Eureka (and, for import, the ServiceEntry write) succeeded.") List<Condition> conditions,
		@JsonPropertyDescription("Instances registered in Eureka (export) or endpoints imported into the mesh (import).") Integer instances,
		@JsonPropertyDescription("When the last successful pass ended.") String lastSyncTime,
		@JsonPropertyDescription("export: where the last successful pass registered the instances; after a change of appName or eurekaUrls, the instances there are cancelled.") ExportTarget exportedTo,
		@JsonPropertyDescription("export: earlier targets whose instances could not be cancelled yet; retried on every pass until their leases have expired.") List<PendingCancellation> pendingCancellations) {

	public static final String READY = "Ready";

	public static final String SYNCED = "Synced";

	/** This status with where an export pass registered and what it left to cancel. */
	public EurekaSyncerStatus withExport(ExportTarget exportedTo, List<PendingCancellation> pendingCancellations) {
		return new EurekaSyncerStatus(this.observedGeneration, this.conditions, this.instances, this.lastSyncTime,
				exportedTo, pendingCancellations.isEmpty() ? null : pendingCancellations);
	}

	/** The condition of this type, if the status has one. */
	public Optional<Condition> condition(String type) {
		return (this.conditions != null)
				? this.conditions.stream().filter((condition) -> type.equals(condition.getType())).findFirst()
				: Optional.empty();
	}

}
