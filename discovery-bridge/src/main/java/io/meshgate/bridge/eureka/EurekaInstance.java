package io.meshgate.bridge.eureka;

import java.util.Locale;
import java.util.Map;

/**
 * An instance as Eureka's REST API knows it, reduced to what the bridge writes and
 * compares. Spring Cloud clients look instances up by {@code vipAddress}, which is the
 * lower-case application name, as {@code spring.application.name} registers it.
 *
 * @param instanceId unique within the application
 * @param app the application name, upper case as Eureka stores it
 * @param hostName the name clients connect to (unless they prefer the IP address)
 * @param ipAddr the address clients connect to when they prefer IP addresses
 * @param port the plain-text port
 * @param status {@code UP}, {@code DOWN}, {@code STARTING}, {@code OUT_OF_SERVICE} or
 * {@code UNKNOWN}
 * @param metadata free-form metadata
 * @param renewalIntervalSeconds the lease renewal interval
 * @param durationSeconds the lease duration
 */
public record EurekaInstance(String instanceId, String app, String hostName, String ipAddr, int port, String status,
		Map<String, String> metadata, int renewalIntervalSeconds, int durationSeconds) {

	public static final String UP = "UP";

	public static final String DOWN = "DOWN";

	public EurekaInstance {
		app = app.toUpperCase(Locale.ROOT);
		metadata = Map.copyOf(metadata);
	}

	public String vipAddress() {
		return this.app.toLowerCase(Locale.ROOT);
	}

	public boolean isUp() {
		return UP.equals(this.status);
	}

	/**
	 * Whether Eureka holds this instance as registered: same address, port, status, lease
	 * and metadata. Eureka adds metadata of its own, so only ours is compared.
	 */
	public boolean sameRegistrationAs(EurekaInstance registered) {
		return this.hostName.equals(registered.hostName) && this.ipAddr.equals(registered.ipAddr)
				&& this.port == registered.port && this.status.equals(registered.status)
				&& this.renewalIntervalSeconds == registered.renewalIntervalSeconds
				&& this.durationSeconds == registered.durationSeconds
				&& registered.metadata.entrySet().containsAll(this.metadata.entrySet());
	}

}
