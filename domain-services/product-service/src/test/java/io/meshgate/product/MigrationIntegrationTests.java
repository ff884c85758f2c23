package io.meshgate.product;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.meshgate.service.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations run as the owner of the database without superuser rights, as
 * CloudNativePG's app user and local-platform's account do; the other tests connect as
 * superuser and would not notice a migration that needs more.
 */
class MigrationIntegrationTests {

	@Test
	void migrationsRunAsDatabaseOwnerWithoutSuperuserRights() throws SQLException {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String owner = "owner_" + suffix;
		String database = "owned_" + suffix;
		String superuserUrl = TestPostgres.createDatabase();
		try (Connection connection = DriverManager.getConnection(superuserUrl);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE ROLE " + owner + " LOGIN NOSUPERUSER PASSWORD 'owner'");
			statement.execute("CREATE DATABASE " + database + " OWNER " + owner);
		}
		String ownerUrl = superuserUrl.replaceFirst("/[^/?]+\\?user=.*$", "/" + database);

		Flyway.configure().dataSource(ownerUrl, owner, "owner").load().migrate();

		try (SingleConnectionDataSource dataSource = new SingleConnectionDataSource(ownerUrl, owner, "owner", true)) {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
				.query(Boolean.class)
				.single()).isFalse();
			assertThat(
					jdbc.sql("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'").query(Long.class).single())
				.isEqualTo(1);
			assertThat(jdbc.sql("SELECT count(*) FROM product").query(Long.class).single()).isZero();
		}
	}

}
