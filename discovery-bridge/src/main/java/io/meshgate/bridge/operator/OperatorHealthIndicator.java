package io.meshgate.bridge.operator;

import io.javaoperatorsdk.operator.Operator;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Part of the readiness group: a replica is ready once the operator started and every
 * informer is watching. A replica waiting for the leader Lease is ready too: it is a warm
 * standby, and marking it unready would stall every rollout of two replicas.
 */
class OperatorHealthIndicator implements HealthIndicator {

	private final Operator operator;

	OperatorHealthIndicator(Operator operator) {
		this.operator = operator;
	}

	@Override
	public Health health() {
		var runtime = this.operator.getRuntimeInfo();
		if (!runtime.isStarted()) {
			return Health.outOfService().withDetail("operator", "starting").build();
		}
		if (!runtime.allEventSourcesAreHealthy()) {
			return Health.down()
				.withDetail("unhealthyEventSources", runtime.unhealthyEventSources().toString())
				.build();
		}
		return Health.up().build();
	}

}
