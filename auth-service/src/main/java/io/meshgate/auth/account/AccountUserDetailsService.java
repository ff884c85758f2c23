package io.meshgate.auth.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Signs people in by e-mail but names them by account id, so the id becomes the
 * {@code sub} of their tokens. Spring's own {@link User} is returned because the
 * authorization service persists the principal with Spring Security's Jackson modules,
 * which only trust known types.
 */

public class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	public AccountUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		Account account = this.accounts.findByEmail(email)
			.orElseThrow(() -> new UsernameNotFoundException("No account for the given e-mail"));
		return User.withUsername(account.id().toString())
			.password(account.passwordHash())
			.roles(account.roles().toArray(String[]::new))
			.disabled(!account.enabled())
			.build();
	}

}
