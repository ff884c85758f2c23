package io.meshgate.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTests {

	@TempDir
	Path directory;

	@Test
	void generatesASecretOnceAndFindsItAfterARestart() {
		Path file = this.directory.resolve("secrets.properties");

		String generated = Secrets.load(file).get("postgres.auth.password");

		assertThat(generated).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");
		assertThat(Secrets.load(file).get("postgres.auth.password")).isEqualTo(generated);
	}

	@Test
	void generatesDifferentSecretsForDifferentNames() {
		Secrets secrets = Secrets.load(this.directory.resolve("secrets.properties"));

		assertThat(secrets.get("one")).isNotEqualTo(secrets.get("two"));
	}

	@Test
	void keepsTheFileReadableByItsOwnerOnly() throws IOException {
		Path file = this.directory.resolve("secrets.properties");

		Secrets.load(file).get("postgres.auth.password");

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

}
