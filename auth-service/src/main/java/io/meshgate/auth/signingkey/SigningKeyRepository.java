package io.meshgate.auth.signingkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SigningKeyRepository {

	private final JdbcClient jdbc;

	SigningKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredSigningKey> findAllOrderedByActiveFrom() {
		return this.jdbc.sql("SELECT * FROM signing_key ORDER BY active_from, created_at")
			.query(SigningKeyRepository::mapRow)
			.list();
	}

	void insert(StoredSigningKey key) {
		this.jdbc.sql("""
				INSERT INTO signing_key (kid, public_jwk, encrypted_private_key, salt, created_at, active_from)
				VALUES (:kid, :publicJwk, :encryptedPrivateKey, :salt, :createdAt, :activeFrom)
				""")
			.param("kid", key.kid())
			.param("publicJwk", key.publicKey().toJSONString())
			.param("encryptedPrivateKey", key.encryptedPrivateKey())
			.param("salt", key.salt())
			.param("createdAt", Timestamp.from(key.createdAt()))
			.param("activeFrom", Timestamp.from(key.activeFrom()))
			.update();
	}

	void deleteAll(List<String> kids) {
		if (!kids.isEmpty()) {
			this.jdbc.sql("DELETE FROM signing_key WHERE kid IN (:kids)").param("kids", kids).update();
		}
	}

	/**
	 * Serialises key creation across replicas for the current transaction, so two
	 * replicas rotating at the same moment create one key, not two.
	 */
	void lockForRotation() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('meshgate.signing_key'))").query().singleRow();
	}

	private static StoredSigningKey mapRow(ResultSet rs, int rowNum) throws SQLException {
		try {
			return new StoredSigningKey(rs.getString("kid"), RSAKey.parse(rs.getString("public_jwk")),
					rs.getBytes("encrypted_private_key"), rs.getString("salt"), instant(rs, "created_at"),
					instant(rs, "active_from"));
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Stored public key " + rs.getString("kid") + " is not a valid JWK", ex);
		}
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

}
