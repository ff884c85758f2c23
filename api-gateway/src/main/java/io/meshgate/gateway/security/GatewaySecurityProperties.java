package io.meshgate.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpMethod;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway checks tokens and which requests need one.
 *
 * @param issuer the exact {@code iss} tokens must carry (the public origin)
 * @param jwkSetUri auth-service's JWKS on the internal network; never discovered from the
 * issuer at start-up, so the gateway starts while auth-service is down
 * @param audience a value {@code aud} must contain
 * @param clockSkew tolerance for {@code exp} and {@code nbf}, at most 60 s
 * @param jwks how keys are fetched and cached
 * @param publicPaths requests that need no token (a token sent anyway is still checked)
 * @param scopes requests that need a scope on top of a valid token
 */
@Validated
@ConfigurationProperties("meshgate.gateway.security")
public record GatewaySecurityProperties(@NotNull URI issuer, @NotNull URI jwkSetUri, @NotBlank String audience,
		@NotNull Duration clockSkew, @NotNull @Valid Jwks jwks, @NotNull @Valid List<PathRule> publicPaths,
		@NotNull @Valid List<ScopeRule> scopes) {

	@AssertTrue(message = "clock-skew must be at most 60 seconds")
	boolean isClockSkewSmall() {
		return this.clockSkew == null || this.clockSkew.compareTo(Duration.ofSeconds(60)) <= 0;
	}

	/**
	 * @param refreshInterval how long fetched keys are used before a background refresh
	 * @param unknownKidCooldown the least time between two fetches caused by tokens with
	 * an unknown {@code kid}, however many such tokens arrive
	 * @param outageTolerance how long known keys stay usable while the JWKS endpoint is
	 * unreachable
	 * @param timeout connect and read timeout of one fetch
	 */
	public record Jwks(@NotNull Duration refreshInterval, @NotNull Duration unknownKidCooldown,
			@NotNull Duration outageTolerance, @NotNull Duration timeout) {

	}

	/**
	 * @param methods the methods it applies to; empty means all
	 * @param path an Ant-style path pattern ({@code /api/products/**})
	 */
	public record PathRule(Set<HttpMethod> methods, @NotBlank String path) {

		public PathRule {
			methods = (methods != null) ? Set.copyOf(methods) : Set.of();
		}

	}

	/**
	 * @param scope the scope the token must carry
	 */
	public record ScopeRule(Set<HttpMethod> methods, @NotBlank String path, @NotBlank String scope) {

		public ScopeRule {
			methods = (methods != null) ? Set.copyOf(methods) : Set.of();
		}

	}

}
