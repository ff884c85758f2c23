package io.meshgate.bridge.customresource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * Where an export registers a syncer's instances: one Eureka application in one registry.
 * The status keeps the target of the last successful pass, so that the pass after a
 * change of {@code appName} or {@code eurekaUrls} knows what to cancel.
 *
 * @param appName the Eureka application name
 * @param eurekaUrls the base URLs of the registry's servers
 * @param leaseDurationSeconds the lease duration the instances were registered with
 */
public record ExportTarget(@JsonPropertyDescription("The Eureka application name.") @Required String appName,
		@JsonPropertyDescription("The Eureka server base URLs.") @Required List<String> eurekaUrls,
		@JsonPropertyDescription("The lease duration the instances were registered with, in seconds.") @Required Integer leaseDurationSeconds) {

	/**
	 * Whether both name the same application in the same registry. Eureka ignores the
	 * case of application names. Two URL lists that share a server are fail-over lists of
	 * one registry, whose peers replicate to each other: cancelling at the old list would
	 * cancel what the syncer registers at the new one.
	 */
	public boolean sameAs(ExportTarget other) {
		Set<String> otherServers = servers(other.eurekaUrls);
		return this.appName.equalsIgnoreCase(other.appName)
				&& servers(this.eurekaUrls).stream().anyMatch(otherServers::contains);
	}

	// The Eureka client calls http://eureka/eureka and http://eureka/eureka/ alike.
	private static Set<String> servers(List<String> urls) {
		return urls.stream()
			.map((url) -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
			.collect(Collectors.toSet());
	}

}
