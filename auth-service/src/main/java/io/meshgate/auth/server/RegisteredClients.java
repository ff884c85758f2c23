package io.meshgate.auth.server;

import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Writes the clients of {@link ClientProperties} to the database at start-up, so that
 * configuration (and the Secrets behind it) stays the one source of truth while tokens
 * and authorizations survive restarts. The client id doubles as the stable row id.
 */
@Component
class RegisteredClients implements ApplicationRunner {

	/**
	 * The scopes people can grant to first-party apps; the API scopes of CONTRACTS.md.
	 */
	static final Set<String> USER_SCOPES = Set.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL,
			"products.write", "reviews.write");

	private final RegisteredClientRepository repository;

	private final ClientProperties clients;

	private final TokenProperties tokens;

	private final PasswordEncoder passwordEncoder;

	RegisteredClients(RegisteredClientRepository repository, ClientProperties clients, TokenProperties tokens,
			PasswordEncoder passwordEncoder) {
		this.repository = repository;
		this.clients = clients;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.repository.save(publicClient(ClientProperties.WEB_APP_ID, "Meshgate web app", this.clients.webApp()));
		this.repository.save(publicClient(ClientProperties.CLI_ID, "Meshgate command line", this.clients.cli()));
		this.clients.services().forEach((service) -> this.repository.save(serviceClient(service)));
	}

	private RegisteredClient publicClient(String clientId, String name, ClientProperties.PublicClient client) {
		return RegisteredClient.withId(clientId)
			.clientId(clientId)
			.clientName(name)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(client.redirectUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(client.postLogoutRedirectUris()))
			.scopes((scopes) -> scopes.addAll(USER_SCOPES))
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(tokenSettings())
			.build();
	}

	private RegisteredClient serviceClient(ClientProperties.ServiceClient service) {
		return RegisteredClient.withId(service.clientId())
			.clientId(service.clientId())
			.clientName(service.clientId())
			.clientSecret(this.passwordEncoder.encode(service.secret()))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes((scopes) -> scopes.addAll(service.scopes()))
			.tokenSettings(tokenSettings())
			.build();
	}

	private TokenSettings tokenSettings() {
		// A refresh token is single-use: every refresh returns a new one and the old one
		// stops working (OAuth 2.1 rotation for public clients).
		return TokenSettings.builder()
			.accessTokenTimeToLive(this.tokens.tokens().accessTokenTtl())
			.refreshTokenTimeToLive(this.tokens.tokens().refreshTokenTtl())
			.reuseRefreshTokens(false)
			.build();
	}

}
