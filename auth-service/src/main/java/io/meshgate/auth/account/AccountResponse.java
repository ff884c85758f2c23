package io.meshgate.auth.account;

import java.time.Instant;
import java.util.UUID;

record AccountResponse(UUID id, String email, String displayName, Instant createdAt) {

	static AccountResponse of(Account account) {
		return new AccountResponse(account.id(), account.email(), account.displayName(), account.createdAt());
	}

}
