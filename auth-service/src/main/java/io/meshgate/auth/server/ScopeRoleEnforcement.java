package io.meshgate.auth.server;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Applies {@link ScopeRoles} where Spring Authorization Server decides what a person is
 * granted.
 * <p>
 * Authorization code: the authorization endpoint authorizes exactly the scopes of the
 * request it converted (Meshgate's clients ask for no consent), so the request is
 * narrowed as it is converted, before any authorization exists. The stored authorization,
 * the token response's {@code scope} and the access token's {@code scope} claim then hold
 * the same, narrower set (RFC 6749 section 3.3 lets a server grant less than asked).
 * Every authorization request passes here because pushed authorization requests (RFC
 * 9126), whose scopes come from storage, are not enabled; enabling them needs the same
 * narrowing at their endpoint. Wrapping the endpoint's authentication provider instead
 * would not be safe: the configurer needs Spring's own provider in the list (it reads the
 * request validator from it), and a provider manager passes a request to the next
 * provider when one throws, so Spring's provider would then see the request un-narrowed.
 * <p>
 * Refresh: a refresh issues the scopes authorized at sign-in, so it is refused
 * ({@code invalid_grant}: the client goes through the authorization endpoint again and is
 * granted what the roles allow now) when the account no longer holds a role one of them
 * needs. The check runs inside the provider that takes the place of Spring's refresh
 * provider in the token endpoint's list (for the reason above), before Spring's.
 */
final class ScopeRoleEnforcement {

	private static final Logger logger = LoggerFactory.getLogger(ScopeRoleEnforcement.class);

	private ScopeRoleEnforcement() {
	}

	/**
	 * For the authorization endpoint's converters: wraps Spring's authorization request
	 * one.
	 */
	static Consumer<List<AuthenticationConverter>> onAuthorizationRequests(ScopeRoles scopeRoles) {
		return SpringComponents.wrap(OAuth2AuthorizationCodeRequestAuthenticationConverter.class,
				(converter) -> new AuthorizationRequestConverter(converter, scopeRoles));
	}

	/**
	 * For refreshes: refuses one whose authorization holds a scope the account no longer
	 * has the role for. Run before Spring's refresh provider, on the authorization the
	 * presented token belongs to
	 * ({@link io.meshgate.auth.refresh.RefreshTokenReuseDetection} looks it up once for
	 * both).
	 */
	static Consumer<OAuth2Authorization> onRefresh(ScopeRoles scopeRoles) {
		return (authorization) -> {
			Set<String> authorized = authorization.getAuthorizedScopes();
			Set<String> grantable = scopeRoles.grantable(authorization.getPrincipalName(), authorized);
			if (!grantable.containsAll(authorized)) {
				logger.info("Refused a refresh for account {}: it no longer holds the role for one of {}",
						authorization.getPrincipalName(), authorized);
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
			}
		};
	}

	static final class AuthorizationRequestConverter implements AuthenticationConverter {

		private final AuthenticationConverter delegate;

		private final ScopeRoles scopeRoles;

		AuthorizationRequestConverter(AuthenticationConverter delegate, ScopeRoles scopeRoles) {
			this.delegate = delegate;
			this.scopeRoles = scopeRoles;
		}

		@Override
		public Authentication convert(HttpServletRequest request) {
			Authentication converted = this.delegate.convert(request);
			if (!(converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest)) {
				return converted;
			}
			// Before sign-in the principal is anonymous and gets no privileged scope; the
			// browser comes back after signing in and the request is converted again.
			Authentication principal = (Authentication) authorizationRequest.getPrincipal();
			Set<String> grantable = this.scopeRoles.grantable(principal.getName(), authorizationRequest.getScopes());
			if (grantable.equals(authorizationRequest.getScopes())) {
				return authorizationRequest;
			}
			return new OAuth2AuthorizationCodeRequestAuthenticationToken(authorizationRequest.getAuthorizationUri(),
					authorizationRequest.getClientId(), principal, authorizationRequest.getRedirectUri(),
					authorizationRequest.getState(), grantable, authorizationRequest.getAdditionalParameters());
		}

	}

}
