package io.meshgate.bridge.operator;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the operator process (what a syncer bridges lives in its spec).
 *
 * @param clusterDomain the cluster's DNS domain, in the host names registered for
 * {@code mode: service}
 * @param instance this replica's name in Kubernetes Events (the pod name)
 * @param watchNamespaces the namespaces whose syncers, Services, EndpointSlices, Pods and
 * ServiceEntries the operator watches; empty for all. Naming them lets RBAC grant the
 * operator those namespaces only (RoleBindings rather than a ClusterRoleBinding).
 * @param eurekaTimeout the timeout of one Eureka request: an unreachable server must not
 * hold a reconciliation thread for long
 * @param leaderElection leader election between replicas
 * @param retry the backoff after a failed pass
 */
@ConfigurationProperties("discovery-bridge")
@Validated
public record BridgeProperties(@DefaultValue("cluster.local") @NotBlank String clusterDomain,
		@DefaultValue("discovery-bridge") @NotBlank String instance, @DefaultValue Set<String> watchNamespaces,
		@DefaultValue("5s") @NotNull Duration eurekaTimeout, @DefaultValue @Valid LeaderElection leaderElection,
		@DefaultValue @Valid Retry retry) {

	/**
	 * @param enabled whether replicas elect a leader through a Lease (off only for a
	 * single replica run by hand)
	 * @param leaseName the Lease's name
	 * @param leaseNamespace the Lease's namespace; empty for the operator's own namespace
	 */
	public record LeaderElection(@DefaultValue("true") boolean enabled,
			@DefaultValue("discovery-bridge") @NotBlank String leaseName, String leaseNamespace) {
	}

	/**
	 * Exponential backoff without an attempt limit: a syncer recovers on its own once
	 * Eureka is back.
	 *
	 * @param initialInterval the first delay
	 * @param maxInterval the longest delay
	 */
	public record Retry(@DefaultValue("2s") @NotNull Duration initialInterval,
			@DefaultValue("60s") @NotNull Duration maxInterval) {
	}

}
