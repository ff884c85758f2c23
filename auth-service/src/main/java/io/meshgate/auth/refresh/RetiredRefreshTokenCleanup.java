package io.meshgate.auth.refresh;

import io.meshgate.auth.cleanup.BatchedCleanup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Deletes the hashes of rotated refresh tokens once the tokens have expired anyway; every
 * refresh adds one, so they would otherwise grow without end. Deleting them is idempotent
 * and a batch skips rows another replica holds, so every replica may run it at the same
 * time.
 */
@Component
class RetiredRefreshTokenCleanup extends BatchedCleanup {

	private final RetiredRefreshTokens retiredTokens;

	RetiredRefreshTokenCleanup(RetiredRefreshTokens retiredTokens, RefreshTokenReuseProperties properties,
			MeterRegistry meters) {
		super(properties.cleanup(),
				Counter.builder("meshgate.auth.refresh.retired.deleted")
					.description("Hashes of rotated refresh tokens deleted after the refresh-token TTL")
					.register(meters),
				"Deleted the hashes of rotated refresh tokens that have expired");
		this.retiredTokens = retiredTokens;
	}

	@Override
	protected int deleteBatch(int limit) {
		return this.retiredTokens.deleteExpired(limit);
	}

}
