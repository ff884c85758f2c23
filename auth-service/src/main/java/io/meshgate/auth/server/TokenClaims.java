package io.meshgate.auth.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.meshgate.auth.account.Account;
import io.meshgate.auth.account.AccountRepository;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The claims of CONTRACTS.md: access tokens carry {@code aud: meshgate-api} and the
 * account's {@code roles}; both access and ID tokens carry name and e-mail when those
 * scopes were granted (services create a member's profile and address review e-mails from
 * them without a call back to auth-service); ID tokens live no longer than access tokens,
 * so key retention can rely on one lifetime.
 */
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String AUDIENCE = "meshgate-api";

	static final String ROLES = "roles";

	private final AccountRepository accounts;

	private final TokenProperties tokens;

	TokenClaims(AccountRepository accounts, TokenProperties tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			// ArrayList, not List.of(): the claims are persisted with the authorization,
			// and
			// Spring Security's JSON allow-list reads back mutable JDK collections only.
			context.getClaims()
				.audience(new ArrayList<>(List.of(AUDIENCE)))
				.claim(ROLES, roles(context.getPrincipal()));
			addProfileClaims(context);
		}
		else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			Instant issuedAt = context.getClaims().build().getIssuedAt();
			context.getClaims().expiresAt(issuedAt.plus(this.tokens.longestTokenLifetime()));
			addProfileClaims(context);
		}
	}

	private void addProfileClaims(JwtEncodingContext context) {
		if (context.getPrincipal() instanceof OAuth2ClientAuthenticationToken) {
			// client_credentials: no account behind the token.
			return;
		}
		Account account = this.accounts.findById(UUID.fromString(context.getPrincipal().getName())).orElse(null);
		if (account == null) {
			return;
		}
		if (context.getAuthorizedScopes().contains(OidcScopes.EMAIL)) {
			context.getClaims().claim(StandardClaimNames.EMAIL, account.email());
		}
		if (context.getAuthorizedScopes().contains(OidcScopes.PROFILE)) {
			context.getClaims().claim(StandardClaimNames.NAME, account.displayName());
		}
	}

	private static ArrayList<String> roles(Authentication principal) {
		if (principal instanceof OAuth2ClientAuthenticationToken) {
			// client_credentials: the subject is a service, not a person.
			return new ArrayList<>();
		}
		return principal.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.sorted()
			.collect(Collectors.toCollection(ArrayList::new));
	}

}
