package io.meshgate.member.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Profiles in PostgreSQL. Writes are single statements, so they need no surrounding
 * transaction: creation tolerates two first requests racing, and an update only applies
 * to the version the client read.
 */
@Repository
class ProfileRepository {

	private static final String COLUMNS = "id, display_name, email, bio, locale, version, created_at, updated_at";

	private final JdbcClient jdbc;

	ProfileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<MemberProfile> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM member_profile WHERE id = :id")
			.param("id", id)
			.query(ProfileRepository::profile)
			.optional();
	}

	/** Creates the profile unless it exists; either way, returns the stored one. */
	MemberProfile createIfAbsent(UUID id, String displayName, String email) {
		this.jdbc.sql("""
				INSERT INTO member_profile (id, display_name, email)
				VALUES (:id, :displayName, :email)
				ON CONFLICT (id) DO NOTHING
				""").param("id", id).param("displayName", displayName).param("email", email).update();
		return findById(id).orElseThrow();
	}

	/**
	 * Applies the change if the stored profile still has the expected version.
	 * @return the updated profile, or empty if there is none with that version
	 */
	Optional<MemberProfile> update(UUID id, long expectedVersion, ProfileChange change) {
		return this.jdbc.sql("""
				UPDATE member_profile
				SET display_name = :displayName, bio = :bio, locale = :locale,
				    version = version + 1, updated_at = now()
				WHERE id = :id AND version = :version
				RETURNING %s
				""".formatted(COLUMNS))
			.param("id", id)
			.param("version", expectedVersion)
			.param("displayName", change.displayName())
			.param("bio", change.bio())
			.param("locale", change.locale())
			.query(ProfileRepository::profile)
			.optional();
	}

	List<MemberProfile> findPage(int page, int size) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM member_profile ORDER BY created_at, id LIMIT :limit OFFSET :offset")
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(ProfileRepository::profile)
			.list();
	}

	long count() {
		return this.jdbc.sql("SELECT count(*) FROM member_profile").query(Long.class).single();
	}

	private static MemberProfile profile(ResultSet row, int rowNumber) throws SQLException {
		return new MemberProfile(row.getObject("id", UUID.class), row.getString("display_name"), row.getString("email"),
				row.getString("bio"), row.getString("locale"), row.getLong("version"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

}
