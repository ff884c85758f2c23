package io.meshgate.auth.refresh;

import java.util.function.Consumer;

import io.meshgate.auth.server.ClientProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Refresh-token reuse detection (OAuth 2.1 section 4.3.1, RFC 9700 section 4.14.2). A
 * refresh token is single-use; one presented again after a refresh rotated it out has
 * leaked or been replayed, and the server cannot tell whether the thief or the client
 * holds the token that replaced it. So the whole authorization is revoked: its current
 * refresh token stops working and the client must sign in again. JWT access tokens
 * already issued stay valid at resource servers until they expire.
 * <p>
 * Spring Authorization Server forgets a rotated token; {@link RetiredRefreshTokens}
 * remembers it, by hash, for as long as it could otherwise have been used.
 */
@Component
public class RefreshTokenReuseDetection {

	private static final Logger logger = LoggerFactory.getLogger(RefreshTokenReuseDetection.class);

	private final RetiredRefreshTokens retiredTokens;

	private final OAuth2AuthorizationService authorizations;

	private final MeterRegistry meters;

	RefreshTokenReuseDetection(RetiredRefreshTokens retiredTokens, OAuth2AuthorizationService authorizations,
			MeterRegistry meters) {
		this.retiredTokens = retiredTokens;
		this.authorizations = authorizations;
		this.meters = meters;
		// At zero from the start: an alert on the counter's increase would miss the first
		// reuse if the series only appeared with it.
		ClientProperties.PUBLIC_CLIENT_IDS.forEach(this::reuses);
	}

	/**
	 * @param refresh Spring's provider of the refresh_token grant
	 * @param beforeRefresh further checks of the authorization a current token belongs
	 * to, before Spring's provider issues new tokens; one that throws refuses the refresh
	 * @return a provider that takes its place in the token endpoint's list
	 */
	public AuthenticationProvider around(AuthenticationProvider refresh, Consumer<OAuth2Authorization> beforeRefresh) {
		return new Provider(refresh, beforeRefresh);
	}

	private Authentication refresh(OAuth2RefreshTokenAuthenticationToken refresh, AuthenticationProvider delegate,
			Consumer<OAuth2Authorization> beforeRefresh) {
		String presented = refresh.getRefreshToken();
		OAuth2Authorization authorization = this.authorizations.findByToken(presented, OAuth2TokenType.REFRESH_TOKEN);
		if (authorization == null) {
			String rotatedOutOf = this.retiredTokens.authorizationOf(presented).orElse(null);
			if (rotatedOutOf != null) {
				throw reused(rotatedOutOf, refresh);
			}
			// Never issued, revoked, or rotated out over a TTL ago: Spring rejects it.
			return delegate.authenticate(refresh);
		}
		beforeRefresh.accept(authorization);
		Authentication issued = delegate.authenticate(refresh);
		if (rotated(issued, presented) && !this.retiredTokens.retire(presented, authorization.getId())) {
			// Another refresh with this token passed Spring's checks at the same time.
			throw reused(authorization.getId(), refresh);
		}
		return issued;
	}

	/**
	 * Whether the refresh replaced the token. A client allowed to reuse its refresh token
	 * ({@code reuseRefreshTokens}) presents the same one again, legitimately.
	 */
	private static boolean rotated(Authentication issued, String presented) {
		return issued instanceof OAuth2AccessTokenAuthenticationToken tokens && tokens.getRefreshToken() != null
				&& !tokens.getRefreshToken().getTokenValue().equals(presented);
	}

	private OAuth2AuthenticationException reused(String authorizationId,
			OAuth2RefreshTokenAuthenticationToken refresh) {
		String clientId = ((Authentication) refresh.getPrincipal()).getName();
		OAuth2Authorization authorization = this.authorizations.findById(authorizationId);
		if (authorization != null) {
			this.authorizations.remove(authorization);
			logger.warn("Revoked authorization {} of client {} for account {}: a refresh token it had rotated out "
					+ "was presented again", authorizationId, clientId, authorization.getPrincipalName());
		}
		else {
			logger.warn("A refresh token rotated out of authorization {} was presented again by client {}; "
					+ "the authorization was revoked before", authorizationId, clientId);
		}
		reuses(clientId).increment();
		// As Spring answers for a token it does not know: the caller learns nothing.
		return new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
	}

	private Counter reuses(String clientId) {
		return Counter.builder("meshgate.auth.refresh.token.reuse")
			.description("Refresh tokens presented again after a refresh had rotated them out")
			.tag("client_id", clientId)
			.register(this.meters);
	}

	private final class Provider implements AuthenticationProvider {

		private final AuthenticationProvider delegate;

		private final Consumer<OAuth2Authorization> beforeRefresh;

		Provider(AuthenticationProvider delegate, Consumer<OAuth2Authorization> beforeRefresh) {
			this.delegate = delegate;
			this.beforeRefresh = beforeRefresh;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			return refresh((OAuth2RefreshTokenAuthenticationToken) authentication, this.delegate, this.beforeRefresh);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return OAuth2RefreshTokenAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
