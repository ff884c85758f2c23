package io.meshgate.manifests;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromtoolTests {

	@Test
	void missingPromtoolFailsWithAnInstallHintInsteadOfSkipping() {
		Promtool missing = new Promtool("promtool-that-does-not-exist");
		assertThatThrownBy(() -> missing.assertSucceeds(Path.of("."), "--version")).isInstanceOf(AssertionError.class)
			.hasMessageContaining("apt-get install prometheus");
	}

	@Test
	void failingPromtoolFailsWithItsOutput() {
		assertThatThrownBy(() -> new Promtool().assertSucceeds(Path.of("."), "check", "rules", "no-such-file.yaml"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("no-such-file.yaml");
	}

}
