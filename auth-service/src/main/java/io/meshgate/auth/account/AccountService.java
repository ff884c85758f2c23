package io.meshgate.auth.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
public class AccountService {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	public Account signUp(String email, String password, String displayName) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Account account = new Account(UUID.randomUUID(), email.strip(), displayName.strip(),
				this.passwordEncoder.encode(password), Set.of("USER"), true, now);
		this.accounts.insert(account);
		return account;
	}

}
