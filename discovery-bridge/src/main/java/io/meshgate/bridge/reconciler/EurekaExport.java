package io.meshgate.bridge.reconciler;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.meshgate.bridge.eureka.EurekaClient;
import io.meshgate.bridge.eureka.EurekaInstance;

/**
 * Makes Eureka hold exactly the instances an export syncer wants: registers what is
 * missing or changed, renews the rest, cancels what the syncer registered before and no
 * longer wants. Every step is idempotent and driven by what Eureka answers, so a pass
 * converges after a restart of the operator or of Eureka (a renewal answered 404 means
 * Eureka lost the instance: it is registered again).
 */
final class EurekaExport {

	private final EurekaClient eureka;

	EurekaExport(EurekaClient eureka) {
		this.eureka = eureka;
	}

	/**
	 * One pass against the first reachable server.
	 * @return the server used
	 */
	URI sync(List<URI> servers, String app, Owner owner, List<EurekaInstance> wanted) {
		return this.eureka.onFirstReachable(servers, (server) -> {
			Map<String, EurekaInstance> registered = registeredBy(server, app, owner);
			for (EurekaInstance instance : wanted) {
				EurekaInstance current = registered.get(instance.instanceId());
				boolean upToDate = current != null && instance.sameRegistrationAs(current);
				if (!upToDate || !this.eureka.renew(server, instance)) {
					this.eureka.register(server, instance);
				}
			}
			Set<String> wantedIds = wanted.stream().map(EurekaInstance::instanceId).collect(Collectors.toSet());
			registered.keySet()
				.stream()
				.filter((id) -> !wantedIds.contains(id))
				.forEach((id) -> this.eureka.deregister(server, app, id));
			return server;
		});
	}

	/**
	 * Cancels every instance the syncer registered.
	 * @return how many there were
	 */
	int deregisterAll(List<URI> servers, String app, Owner owner) {
		return this.eureka.onFirstReachable(servers, (server) -> {
			Set<String> ids = registeredBy(server, app, owner).keySet();
			ids.forEach((id) -> this.eureka.deregister(server, app, id));
			return ids.size();
		});
	}

	private Map<String, EurekaInstance> registeredBy(URI server, String app, Owner owner) {
		return this.eureka.instances(server, app)
			.stream()
			.filter(owner::owns)
			.collect(Collectors.toMap(EurekaInstance::instanceId, Function.identity(), (a, b) -> a));
	}

}
