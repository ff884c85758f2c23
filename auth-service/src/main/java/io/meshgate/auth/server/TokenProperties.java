package io.meshgate.auth.server;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The issuer and token lifetimes.
 *
 * @param issuer the public base URL ({@code iss}); tokens and discovery name it
 * @param tokens lifetimes of the tokens issued
 */
@Validated
@ConfigurationProperties("meshgate")
public record TokenProperties(@NotNull URI issuer, @NotNull Lifetimes tokens) {

	/** CONTRACTS.md: access tokens live at most 15 minutes. */
	static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofMinutes(15);

	/** The longest any JWT signed here stays valid: ID tokens are given the same TTL. */
	public Duration longestTokenLifetime() {
		return this.tokens.accessTokenTtl();
	}

	public record Lifetimes(@NotNull Duration accessTokenTtl, @NotNull Duration refreshTokenTtl) {

		@AssertTrue(message = "access-token-ttl must be at most 15 minutes")
		boolean isAccessTokenTtlShort() {
			return this.accessTokenTtl == null || this.accessTokenTtl.compareTo(MAX_ACCESS_TOKEN_TTL) <= 0;
		}

	}

}
