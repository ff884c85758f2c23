package io.meshgate.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The token checks of CONTRACTS.md: RS256 only (so {@code alg: none} and HS256 tokens
 * signed with the public key are refused before any key is looked at), signature against
 * auth-service's JWKS, {@code exp} required, {@code exp}/{@code nbf} with the configured
 * skew, exact {@code iss}, {@code aud} containing {@code meshgate-api}.
 */
@Configuration(proxyBeanMethods = false)
class TokenValidationConfig {

	/** How long a verified token is trusted without looking at its signature again. */
	private static final Duration VERIFIED_TOKEN_MAX_AGE = Duration.ofMinutes(5);

	@Bean
	JwksKeyCache jwksKeyCache(GatewaySecurityProperties security, MeterRegistry meters) {
		HttpClient http = HttpClient.create()
			.responseTimeout(security.jwks().timeout())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) security.jwks().timeout().toMillis());
		WebClient webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
		return new JwksKeyCache(webClient, security.jwkSetUri().toString(), security.jwks(), Clock.systemUTC(), meters);
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(JwksKeyCache keys, GatewaySecurityProperties security) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSource((jwt) -> Flux.from(keys.key(jwt.getHeader().getKeyID())))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		OAuth2TokenValidator<Jwt> time = timeValidator(security.clockSkew());
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(time,
				new JwtIssuerValidator(security.issuer().toString()), new JwtClaimValidator<List<String>>(
						JwtClaimNames.AUD, (audience) -> audience != null && audience.contains(security.audience()))));
		return new VerifiedTokenCache(decoder, time, VERIFIED_TOKEN_MAX_AGE, 100_000);
	}

	private static OAuth2TokenValidator<Jwt> timeValidator(Duration clockSkew) {
		// Spring's timestamp check accepts a token without exp; Meshgate does not.
		return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(clockSkew),
				new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
	}

}
