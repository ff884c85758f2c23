package io.meshgate.auth.server;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * Identifies public clients ({@code web-app}, {@code meshgate-cli}) by {@code client_id}
 * alone on the two requests where they hold no code verifier: the refresh_token grant and
 * token revocation. Spring Authorization Server authenticates public clients only by PKCE
 * on the code exchange; OAuth 2.1 (section 4.3.1) allows refresh tokens for public
 * clients when they are single-use, which {@link RegisteredClients} enforces, and RFC
 * 7009 lets public clients revoke with their {@code client_id}.
 */
final class PublicClientAuthentication {

	/**
	 * Set by {@link Converter} only. Compared by identity: request parameters land in the
	 * same map as strings and can never equal this object, so no request can make
	 * {@link Provider} skip the PKCE check of a code exchange.
	 */
	private static final Object MARKER = new Object();

	private static final String MARKER_KEY = PublicClientAuthentication.class.getName();

	private PublicClientAuthentication() {
	}

	static final class Converter implements AuthenticationConverter {

		private final String revocationEndpoint;

		Converter(String revocationEndpoint) {
			this.revocationEndpoint = revocationEndpoint;
		}

		@Override
		public Authentication convert(HttpServletRequest request) {
			if (!"POST".equals(request.getMethod()) || !(isRefreshGrant(request) || isRevocation(request))
					|| request.getHeader(HttpHeaders.AUTHORIZATION) != null
					|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null) {
				return null;
			}
			String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
			if (clientIds == null || clientIds.length != 1 || !StringUtils.hasText(clientIds[0])) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
			}
			return new OAuth2ClientAuthenticationToken(clientIds[0], ClientAuthenticationMethod.NONE, null,
					Map.of(MARKER_KEY, MARKER));
		}

		private static boolean isRefreshGrant(HttpServletRequest request) {
			return AuthorizationGrantType.REFRESH_TOKEN.getValue()
				.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
		}

		private boolean isRevocation(HttpServletRequest request) {
			return this.revocationEndpoint.equals(request.getServletPath());
		}

	}

	static final class Provider implements AuthenticationProvider {

		private final RegisteredClientRepository clients;

		Provider(RegisteredClientRepository clients) {
			this.clients = clients;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			OAuth2ClientAuthenticationToken client = (OAuth2ClientAuthenticationToken) authentication;
			if (client.getAdditionalParameters().get(MARKER_KEY) != MARKER) {
				// Not from our converter: e.g. a code exchange, which must pass PKCE.
				return null;
			}
			RegisteredClient registered = this.clients.findByClientId((String) client.getPrincipal());
			if (registered == null
					|| !registered.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
			}
			return new OAuth2ClientAuthenticationToken(registered, ClientAuthenticationMethod.NONE, null);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
