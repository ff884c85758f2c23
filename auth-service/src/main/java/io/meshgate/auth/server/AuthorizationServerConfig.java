package io.meshgate.auth.server;

import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.meshgate.auth.account.AccountRepository;
import io.meshgate.auth.refresh.RefreshTokenReuseDetection;
import io.meshgate.auth.signingkey.SigningKeys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The OAuth 2.1 / OpenID Connect endpoints: clients, authorizations and consents in
 * PostgreSQL (a restart loses no session or token), keys from the {@link SigningKeys}
 * ring, refresh tokens for public clients with rotation and reuse detection
 * ({@link RefreshTokenReuseDetection}), and privileged scopes only for accounts with
 * their role ({@link ScopeRoleEnforcement}).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, RegisteredClientRepository clients,
			OAuth2TokenGenerator<?> tokenGenerator, AuthorizationServerSettings settings, ScopeRoles scopeRoles,
			RefreshTokenReuseDetection reuseDetection) throws Exception {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults())
				.tokenGenerator(tokenGenerator)
				.clientAuthentication((clientAuthentication) -> clientAuthentication
					.authenticationConverter(
							new PublicClientAuthentication.Converter(settings.getTokenRevocationEndpoint()))
					.authenticationProvider(new PublicClientAuthentication.Provider(clients)))
				.authorizationEndpoint((authorization) -> authorization
					.authorizationRequestConverters(ScopeRoleEnforcement.onAuthorizationRequests(scopeRoles)))
				// Reuse detection looks the presented token up once, runs the role check
				// on its authorization, and retires the token only once every check has
				// passed and the new tokens are stored.
				.tokenEndpoint((token) -> token
					.authenticationProviders(SpringComponents.wrap(OAuth2RefreshTokenAuthenticationProvider.class,
							(refresh) -> reuseDetection.around(refresh, ScopeRoleEnforcement.onRefresh(scopeRoles)))));
		})
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			// Browsers that reach /oauth2/authorize unauthenticated go to the login page.
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
			// The userinfo endpoint accepts the access tokens this server issues.
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		return http.build();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(JdbcOperations jdbc) {
		return new JdbcRegisteredClientRepository(jdbc);
	}

	@Bean
	OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationService(jdbc, clients);
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc,
			RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(TokenProperties tokens) {
		return AuthorizationServerSettings.builder().issuer(tokens.issuer().toString()).build();
	}

	/**
	 * The JWKS endpoint: every key a resource server may meet now, public halves only.
	 */
	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys signingKeys) {
		return (selector, context) -> selector.select(new JWKSet(signingKeys.published()));
	}

	/** Signing sees exactly one key, the current one, so its kid is unambiguous. */
	@Bean
	JwtEncoder jwtEncoder(SigningKeys signingKeys) {
		return new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(signingKeys.current())));
	}

	/**
	 * Access tokens presented here (userinfo, the accounts API) pass the checks every
	 * Meshgate resource server applies: RS256 only, signature, {@code exp}/{@code nbf}
	 * with 60 s skew, exact {@code iss}, {@code aud} containing meshgate-api.
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, TokenProperties tokens) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(tokens.issuer().toString()),
						new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
								(audience) -> audience != null && audience.contains(TokenClaims.AUDIENCE))));
		return decoder;
	}

	@Bean
	OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder jwtEncoder, AccountRepository accounts, TokenProperties tokens,
			Clock clock) {
		JwtGenerator jwtGenerator = new JwtGenerator(jwtEncoder);
		jwtGenerator.setJwtCustomizer(new TokenClaims(accounts, tokens));
		return new DelegatingOAuth2TokenGenerator(jwtGenerator, new OAuth2AccessTokenGenerator(),
				new RotatingRefreshTokenGenerator(clock));
	}

}
