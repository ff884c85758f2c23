package io.meshgate.auth.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the account.
	 * @throws DuplicateEmailException if another account has the same e-mail in any case
	 */
	void insert(Account account) {
		try {
			this.jdbc.sql("""
					INSERT INTO account (id, email, display_name, password_hash, roles, enabled, created_at)
					VALUES (:id, :email, :displayName, :passwordHash, :roles, :enabled, :createdAt)
					""")
				.param("id", account.id())
				.param("email", account.email())
				.param("displayName", account.displayName())
				.param("passwordHash", account.passwordHash())
				.param("roles", account.roles().toArray(String[]::new))
				.param("enabled", account.enabled())
				.param("createdAt", java.sql.Timestamp.from(account.createdAt()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateEmailException();
		}
	}

	/** Adds the roles the account does not hold yet. */
	void addRoles(UUID id, Set<String> roles) {
		this.jdbc.sql("""
				UPDATE account
				SET roles = roles || ARRAY(SELECT unnest(CAST(:roles AS text[])) EXCEPT SELECT unnest(roles))
				WHERE id = :id
				""").param("id", id).param("roles", roles.toArray(String[]::new)).update();
	}

	public Optional<Account> findByEmail(String email) {
		return this.jdbc.sql("SELECT * FROM account WHERE lower(email) = lower(:email)")
			.param("email", email)
			.query(AccountRepository::mapRow)
			.optional();
	}

	public Optional<Account> findById(UUID id) {
		return this.jdbc.sql("SELECT * FROM account WHERE id = :id")
			.param("id", id)
			.query(AccountRepository::mapRow)
			.optional();
	}

	private static Account mapRow(ResultSet rs, int rowNum) throws SQLException {
		Array roles = rs.getArray("roles");
		return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				rs.getString("password_hash"), Set.of((String[]) roles.getArray()), rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant());
	}

}
