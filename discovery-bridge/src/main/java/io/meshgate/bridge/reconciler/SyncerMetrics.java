package io.meshgate.bridge.reconciler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * What the bridge holds, beside JOSDK's own reconciliation metrics
 * ({@code operator_sdk_reconciliations_*}): instances per syncer, and failed passes by
 * reason.
 */
public class SyncerMetrics {

	private final MeterRegistry registry;

	private final Map<Owner, Tracked> instances = new ConcurrentHashMap<>();

	public SyncerMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void instances(Owner owner, String direction, int count) {
		this.instances.computeIfAbsent(owner, (key) -> track(key, direction)).value().set(count);
	}

	void failure(String reason) {
		Counter.builder("discovery.bridge.sync.failures")
			.description("Sync passes that failed, by condition reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	void forget(Owner owner) {
		Tracked tracked = this.instances.remove(owner);
		if (tracked != null) {
			this.registry.remove(tracked.gauge());
		}
	}

	private Tracked track(Owner owner, String direction) {
		AtomicInteger value = new AtomicInteger();
		Gauge gauge = Gauge.builder("discovery.bridge.instances", value, AtomicInteger::get)
			.description("Instances registered in Eureka (export) or imported into the mesh (import)")
			.tags(Tags.of("namespace", owner.namespace(), "syncer", owner.name(), "direction", direction))
			.register(this.registry);
		return new Tracked(value, gauge);
	}

	private record Tracked(AtomicInteger value, Gauge gauge) {
	}

}
