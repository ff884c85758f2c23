package io.meshgate.localplatform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The local PostgreSQL is the major version the clusters run, and data of another major
 * version in {@code .local/} is refused with a way out, never touched.
 */
class LocalPostgresTests {

	@TempDir
	Path local;

	@Test
	void runsTheMajorVersionItNames() throws Exception {
		LocalPostgres postgres = postgres();
		try {
			postgres.start();
			assertThat(Files.readString(this.local.resolve("postgres/PG_VERSION")).strip())
				.isEqualTo(LocalPostgres.POSTGRES_MAJOR);
		}
		finally {
			postgres.stop();
		}
	}

	@Test
	void refusesDataOfAnotherMajorVersionAndLeavesItAlone() throws Exception {
		Path data = Files.createDirectories(this.local.resolve("postgres"));
		Files.writeString(data.resolve("PG_VERSION"), "14\n");
		Files.writeString(data.resolve("postgresql.conf"), "# from an earlier run\n");

		assertThatIOException().isThrownBy(postgres()::start)
			.withMessageContaining("PostgreSQL 14")
			.withMessageContaining("-Dlocal.args=--clean");
		try (var files = Files.list(data)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("PG_VERSION",
					"postgresql.conf");
		}
		assertThat(Files.readString(data.resolve("PG_VERSION"))).isEqualTo("14\n");
	}

	private LocalPostgres postgres() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		return new LocalPostgres(this.local.resolve("postgres"), port, false, List.of(),
				this.local.resolve("logs/postgres.log"));
	}

}
