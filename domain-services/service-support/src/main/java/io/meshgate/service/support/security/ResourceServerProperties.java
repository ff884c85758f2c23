package io.meshgate.service.support.security;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a domain service checks the bearer tokens it receives: the gateway's rules again,
 * as defence in depth (CONTRACTS.md, "Identity and tokens").
 *
 * @param issuer the exact {@code iss} tokens must carry (the public origin); no default,
 * since a wrong one would accept another environment's tokens
 * @param jwkSetUri auth-service's JWKS on the internal network; never discovered from the
 * issuer at start-up, so a service starts while auth-service is down
 * @param audience a value {@code aud} must contain
 * @param clockSkew tolerance for {@code exp} and {@code nbf}, at most 60 s
 * @param jwksTimeout connect and read timeout of one JWKS fetch, so a hanging
 * auth-service cannot hold requests longer than this
 */
@Validated
@ConfigurationProperties("meshgate.security")
public record ResourceServerProperties(@NotNull URI issuer, @NotNull URI jwkSetUri,
		@DefaultValue("meshgate-api") @NotBlank String audience, @DefaultValue("60s") @NotNull Duration clockSkew,
		@DefaultValue("2s") @NotNull Duration jwksTimeout) {

	@AssertTrue(message = "clock-skew must be between 0 and 60 seconds")
	boolean isClockSkewAtMostOneMinute() {
		return this.clockSkew == null
				|| (!this.clockSkew.isNegative() && this.clockSkew.compareTo(Duration.ofSeconds(60)) <= 0);
	}

}
