package io.meshgate.service.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server per test JVM (embedded binaries, no Docker) and a fresh
 * database for every caller, so test classes never see each other's rows.
 */
public final class TestPostgres {

	private static EmbeddedPostgres server;

	private TestPostgres() {
	}

	/** Points the application at a fresh, empty database. */
	public static void register(DynamicPropertyRegistry registry) {
		String url = createDatabase();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	/** Creates an empty database and returns its JDBC URL. */
	public static synchronized String createDatabase() {
		String name = "test_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a test database", ex);
		}
		return server().getJdbcUrl("postgres", name);
	}

	private static EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start embedded PostgreSQL", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::close));
		}
		return server;
	}

	private static void close() {
		try {
			server.close();
		}
		catch (IOException ex) {
			// The JVM is exiting; zonky removes the data directory itself.
		}
	}

}
