package io.meshgate.bridge.reconciler;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.meshgate.bridge.customresource.EurekaSyncer;
import io.meshgate.bridge.customresource.EurekaSyncerStatus;

/**
 * The next status of a syncer. A condition keeps its {@code lastTransitionTime} while its
 * status stays the same, as Kubernetes conventions ask; an event is recorded whenever a
 * condition's status or reason changes.
 */
final class Conditions {

	private final SyncerEvents events;

	Conditions(SyncerEvents events) {
		this.events = events;
	}

	/**
	 * Sets the syncer's next status and records events for what changed. What an export
	 * recorded about its targets is kept: only a successful export pass changes it.
	 * @param syncer the syncer, whose status is replaced
	 * @param ready the {@code Ready} condition
	 * @param synced the {@code Synced} condition
	 * @param instances the instance count, or null to keep the previous one
	 * @param synchronizedNow whether this pass succeeded (sets {@code lastSyncTime})
	 */
	void update(EurekaSyncer syncer, Outcome ready, Outcome synced, Integer instances, boolean synchronizedNow) {
		Optional<EurekaSyncerStatus> previous = Optional.ofNullable(syncer.getStatus());
		String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now());
		Long generation = syncer.getMetadata().getGeneration();
		Condition readyCondition = condition(previous, EurekaSyncerStatus.READY, ready, generation, now);
		Condition syncedCondition = condition(previous, EurekaSyncerStatus.SYNCED, synced, generation, now);
		// One event per distinct change: an invalid spec fails both conditions for one
		// reason.
		Stream.of(readyCondition, syncedCondition)
			.filter((condition) -> changed(previous, condition))
			.collect(Collectors.toMap((condition) -> condition.getStatus() + condition.getReason(), Function.identity(),
					(first, second) -> first, LinkedHashMap::new))
			.values()
			.forEach((condition) -> record(syncer, condition));
		syncer.setStatus(new EurekaSyncerStatus(generation, List.of(readyCondition, syncedCondition),
				(instances != null) ? instances : previous.map(EurekaSyncerStatus::instances).orElse(0),
				synchronizedNow ? now : previous.map(EurekaSyncerStatus::lastSyncTime).orElse(null),
				previous.map(EurekaSyncerStatus::exportedTo).orElse(null),
				previous.map(EurekaSyncerStatus::pendingCancellations).orElse(null)));
	}

	/**
	 * The {@code Ready} condition as it stands, for a pass that only learnt about Eureka.
	 */
	static Outcome previousReady(EurekaSyncer syncer) {
		return Optional.ofNullable(syncer.getStatus())
			.flatMap((status) -> status.condition(EurekaSyncerStatus.READY))
			.map((condition) -> new Outcome("True".equals(condition.getStatus()), condition.getReason(),
					condition.getMessage()))
			.orElse(new Outcome(true, "Ready", "the spec is valid"));
	}

	private static Condition condition(Optional<EurekaSyncerStatus> previous, String type, Outcome outcome,
			Long generation, String now) {
		String status = outcome.ok() ? "True" : "False";
		String since = previous.flatMap((s) -> s.condition(type))
			.filter((condition) -> status.equals(condition.getStatus()))
			.map(Condition::getLastTransitionTime)
			.orElse(now);
		return new ConditionBuilder().withType(type)
			.withStatus(status)
			.withReason(outcome.reason())
			.withMessage(outcome.message())
			.withObservedGeneration(generation)
			.withLastTransitionTime(since)
			.build();
	}

	private static boolean changed(Optional<EurekaSyncerStatus> previous, Condition next) {
		Optional<Condition> before = previous.flatMap((status) -> status.condition(next.getType()));
		return before.isEmpty() || !next.getStatus().equals(before.get().getStatus())
				|| !next.getReason().equals(before.get().getReason());
	}

	private void record(EurekaSyncer syncer, Condition next) {
		String message = next.getType() + ": " + next.getMessage();
		if ("True".equals(next.getStatus())) {
			this.events.normal(syncer, next.getReason(), message);
		}
		else {
			this.events.warning(syncer, next.getReason(), message);
		}
	}

	/**
	 * What one condition should say.
	 *
	 * @param ok whether the condition holds
	 * @param reason a CamelCase reason
	 * @param message a sentence for people
	 */
	record Outcome(boolean ok, String reason, String message) {

		static Outcome ok(String reason, String message) {
			return new Outcome(true, reason, message);
		}

		static Outcome failed(String reason, String message) {
			return new Outcome(false, reason, message);
		}

	}

}
