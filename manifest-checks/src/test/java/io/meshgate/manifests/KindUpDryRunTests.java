package io.meshgate.manifests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/kind-up.sh runs in the build up to the first step that needs Docker
 * ({@code --dry-run}): argument parsing, tool checks, listing the images the Maven build
 * produces, rendering the bootstrap with the fork's URL and every dev-secrets folder with
 * generated values. The steps after it are not exercised here.
 */
class KindUpDryRunTests {

	private static final String SCRIPT = "scripts/kind-up.sh";

	@Test
	void scriptIsValidBash() {
		assertThat(run(List.of("bash", "-n", SCRIPT)).exitCode()).isZero();
	}

	@Test
	void scriptPassesShellcheck() {
		Result result = run(List.of("shellcheck", SCRIPT));
		assertThat(result.exitCode()).as("shellcheck %s:%n%s", SCRIPT, result.output()).isZero();
	}

	@Test
	void dryRunRendersTheSmallProfileAndEveryDevSecret() {
		Result result = run(List.of("bash", SCRIPT, "--dry-run", "--repo-url", PlatformRules.REPOSITORY_URL));
		assertThat(result.exitCode()).as("kind-up.sh --dry-run:%n%s", result.output()).isZero();
		assertThat(result.output()).contains("would build with Jib")
			.contains(ImageBuild.read(Repository.root())
				.modules()
				.stream()
				.map((module) -> "  meshgate/" + module + "\n")
				.toList())
			.contains("would apply " + KindProfileBudget.of("small").bootstrap())
			.contains("Application root", "ApplicationSet services")
			.doesNotContain("Application fluent-bit")
			.endsWith("dry run complete: nothing was applied\n");
		for (SecretReferences.Provided secret : SecretReferencesTests.devSecretsFolders()) {
			assertThat(result.output()).contains("would apply " + secret.source())
				.contains("Secret " + secret.namespace() + "/" + secret.name() + " keys: "
						+ String.join(" ", secret.keys()));
		}
	}

	@Test
	void dryRunRefusesAnUnknownProfile() {
		Result result = run(List.of("bash", SCRIPT, "--dry-run", "--skip-build", "--repo-url",
				PlatformRules.REPOSITORY_URL, "--profile", "huge"));
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("--profile is small or full, not huge");
	}

	private static Result run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).directory(Repository.root().toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command + " did not finish within 60 s");
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					command.get(0) + " is needed by this test (" + Path.of(SCRIPT) + "); .ci/run installs it", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Result(int exitCode, String output) {
	}

}
