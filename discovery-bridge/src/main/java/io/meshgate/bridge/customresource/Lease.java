package io.meshgate.bridge.customresource;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * Eureka lease settings of exported instances; Eureka evicts an instance whose lease is
 * not renewed within {@code durationSeconds}.
 *
 * @param renewalIntervalSeconds how often the bridge renews each lease (Eureka's
 * {@code renewalIntervalInSecs})
 * @param durationSeconds how long Eureka keeps an instance without renewal
 * ({@code durationInSecs})
 */
public record Lease(
		@JsonPropertyDescription("How often each lease is renewed, in seconds. Default 30, as Eureka clients do.") @Min(1) @Max(300) Integer renewalIntervalSeconds,
		@JsonPropertyDescription("How long Eureka keeps an instance whose lease is not renewed, in seconds. Default 90; at least three renewal intervals.") @Min(3) @Max(3600) Integer durationSeconds) {

	public static final int DEFAULT_RENEWAL_INTERVAL_SECONDS = 30;

	public static final int DEFAULT_DURATION_SECONDS = 90;

	public int renewalInterval() {
		return (this.renewalIntervalSeconds != null) ? this.renewalIntervalSeconds : DEFAULT_RENEWAL_INTERVAL_SECONDS;
	}

	public int duration() {
		return (this.durationSeconds != null) ? this.durationSeconds : DEFAULT_DURATION_SECONDS;
	}

}
