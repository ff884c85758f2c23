package io.meshgate.auth.refresh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.meshgate.auth.server.TokenProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refresh tokens that a refresh has rotated out, by the authorization they belonged to.
 * Only a SHA-256 hash of each token is stored. A token is kept for the refresh-token TTL
 * from its rotation: it was issued before that, so it has expired by then and could not
 * be used even if it were still current.
 */
@Component
class RetiredRefreshTokens {

	private final JdbcClient jdbc;

	private final TokenProperties tokens;

	private final Clock clock;

	RetiredRefreshTokens(JdbcClient jdbc, TokenProperties tokens, Clock clock) {
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * @return {@code false} if the token had been retired already: another refresh
	 * consumed it too
	 */
	boolean retire(String token, String authorizationId) {
		return this.jdbc.sql("""
				INSERT INTO retired_refresh_token (token_hash, authorization_id, retired_at)
				VALUES (:hash, :authorizationId, :now)
				ON CONFLICT (token_hash) DO NOTHING
				""")
			.param("hash", hash(token))
			.param("authorizationId", authorizationId)
			.param("now", Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	/**
	 * @return the id of the authorization the token was rotated out of, if it was
	 */
	Optional<String> authorizationOf(String token) {
		return this.jdbc.sql("SELECT authorization_id FROM retired_refresh_token WHERE token_hash = :hash")
			.param("hash", hash(token))
			.query(String.class)
			.optional();
	}

	/**
	 * Deletes at most {@code limit} tokens retired longer than the refresh-token TTL ago.
	 * Rows another replica's batch has locked are skipped, not waited for.
	 * @return how many were deleted
	 */
	int deleteExpired(int limit) {
		Instant cutoff = this.clock.instant().minus(this.tokens.tokens().refreshTokenTtl());
		return this.jdbc.sql("""
				DELETE FROM retired_refresh_token
				WHERE token_hash IN (
				    SELECT token_hash FROM retired_refresh_token
				    WHERE retired_at < :cutoff
				    LIMIT :limit
				    FOR UPDATE SKIP LOCKED)
				""").param("cutoff", Timestamp.from(cutoff)).param("limit", limit).update();
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java platform must support SHA-256.
			throw new IllegalStateException(ex);
		}
	}

}
