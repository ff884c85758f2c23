package io.meshgate.auth.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A person who can sign in. The id is the {@code sub} of every token issued to them.
 */
public record Account(UUID id, String email, String displayName, String passwordHash, Set<String> roles,
		boolean enabled, Instant createdAt) {

	public Account {
		roles = Set.copyOf(roles);
	}

}
