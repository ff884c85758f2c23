package io.meshgate.auth.server;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.meshgate.auth.account.Account;
import io.meshgate.auth.account.AccountRepository;

import org.springframework.stereotype.Component;

/**
 * Which of the scopes asked for a person may have: a scope of {@link ScopeRoleProperties}
 * only while the account holds its role. Roles are read from the database at each
 * decision rather than taken from the sign-in, so a role an operator removes stops
 * counting at the next authorization or refresh, even within a browser session that is
 * still signed in.
 */
@Component
class ScopeRoles {

	private final Map<String, String> scopeRoles;

	private final AccountRepository accounts;

	ScopeRoles(ScopeRoleProperties properties, AccountRepository accounts) {
		this.scopeRoles = Map.copyOf(properties.scopeRoles());
		this.accounts = accounts;
	}

	/**
	 * @param accountId the principal name: an account id for a person
	 * @return {@code scopes} without the privileged ones the account lacks the role for
	 */
	Set<String> grantable(String accountId, Set<String> scopes) {
		if (scopes.stream().noneMatch(this.scopeRoles::containsKey)) {
			return scopes;
		}
		Set<String> roles = roles(accountId);
		return scopes.stream()
			.filter((scope) -> !this.scopeRoles.containsKey(scope) || roles.contains(this.scopeRoles.get(scope)))
			.collect(Collectors.toUnmodifiableSet());
	}

	private Set<String> roles(String accountId) {
		UUID id;
		try {
			id = UUID.fromString(accountId);
		}
		catch (IllegalArgumentException ex) {
			// Not a person (the anonymous user, a service client): no role.
			return Set.of();
		}
		return this.accounts.findById(id).map(Account::roles).orElse(Set.of());
	}

}
