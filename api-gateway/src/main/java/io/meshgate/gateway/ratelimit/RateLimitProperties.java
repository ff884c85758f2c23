package io.meshgate.gateway.ratelimit;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The default token bucket of every route; a route overrides it with metadata
 * {@code rate-limit-replenish-rate}, {@code rate-limit-burst-capacity} and
 * {@code rate-limit-requested-tokens}. A request costs {@code requestedTokens}; the
 * bucket holds {@code burstCapacity} and refills by {@code replenishRate} per second, so
 * rates slower than one per second cost more than one token (sign-up: 12 tokens at 1 per
 * second is five requests, then one every 12 s).
 */
@Validated
@ConfigurationProperties("meshgate.gateway.rate-limit")
public record RateLimitProperties(@Positive int replenishRate, @Positive int burstCapacity,
		@Positive int requestedTokens) {

}
