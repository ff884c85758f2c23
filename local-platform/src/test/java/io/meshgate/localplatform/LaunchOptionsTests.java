package io.meshgate.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchOptionsTests {

	@TempDir
	Path repository;

	@Test
	void findsTheRepositoryAboveTheWorkingDirectoryAndKeepsStateInItsLocalFolder() throws IOException {
		Files.createFile(this.repository.resolve("mvnw"));
		Path module = Files.createDirectories(this.repository.resolve("local-platform"));

		LaunchOptions options = LaunchOptions.parse(List.of(), module);

		assertThat(options.repository()).isEqualTo(this.repository);
		assertThat(options.postgresDataDirectory()).isEqualTo(this.repository.resolve(".local/postgres"));
		assertThat(options.logDirectory()).isEqualTo(this.repository.resolve(".local/logs"));
		assertThat(options.port(options.postgresPort())).isEqualTo(15432);
		assertThat(options.clean()).isFalse();
	}

	@Test
	void shiftsEveryPortByTheOffset() {
		LaunchOptions options = LaunchOptions
			.parse(List.of("--repo", ".", "--postgres-port", "25432", "--port-offset", "100"), this.repository);

		assertThat(options.port(options.postgresPort())).isEqualTo(25532);
		assertThat(options.port(9000)).isEqualTo(9100);
	}

	@Test
	void readsCleanLocalDirectoryAndReadinessTimeout() {
		LaunchOptions options = LaunchOptions.parse(
				List.of("--repo", ".", "--clean", "--local-dir", "state", "--readiness-timeout", "30"),
				this.repository);

		assertThat(options.clean()).isTrue();
		assertThat(options.localDirectory()).isEqualTo(this.repository.resolve("state"));
		assertThat(options.readinessTimeout()).hasSeconds(30);
		assertThat(options.withObservability()).isFalse();
	}

	@Test
	void runsObservabilityOnlyWhenAsked() {
		LaunchOptions options = LaunchOptions.parse(List.of("--repo", ".", "--with-observability"), this.repository);

		assertThat(options.withObservability()).isTrue();
	}

	@Test
	void rejectsAnUnknownOption() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchOptions.parse(List.of("--repo", ".", "--cleen"), this.repository))
			.withMessage("unknown option --cleen");
	}

	@Test
	void rejectsAPortOutOfRange() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchOptions.parse(List.of("--postgres-port", "70000"), this.repository))
			.withMessageContaining("between 1 and 65535");
	}

	@Test
	void explainsWhenNoRepositoryIsFound() {
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(List.of(), this.repository))
			.withMessageContaining("--repo");
	}

}
