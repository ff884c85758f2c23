package io.meshgate.gateway.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Checks a token's signature once: a client sends the same token with every request for
 * its whole lifetime, so the decoded token is kept by its exact text and only its time
 * claims are checked again. Entries live at most {@code maxAge}, bounding how long a
 * token outlives the removal of its key from the JWKS.
 */
class VerifiedTokenCache implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder decoder;

	private final OAuth2TokenValidator<Jwt> timeValidator;

	private final Cache<String, Jwt> verified;

	VerifiedTokenCache(ReactiveJwtDecoder decoder, OAuth2TokenValidator<Jwt> timeValidator, Duration maxAge,
			long maxEntries) {
		this.decoder = decoder;
		this.timeValidator = timeValidator;
		this.verified = Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(maxEntries).build();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt cached = this.verified.getIfPresent(token);
		if (cached == null) {
			return this.decoder.decode(token).doOnNext((jwt) -> this.verified.put(token, jwt));
		}
		if (this.timeValidator.validate(cached).hasErrors()) {
			this.verified.invalidate(token);
			return Mono.error(new BadJwtException("The token has expired"));
		}
		return Mono.just(cached);
	}

}
