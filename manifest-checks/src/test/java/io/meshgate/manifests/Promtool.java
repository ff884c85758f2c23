package io.meshgate.manifests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs Prometheus's {@code promtool} (Debian package {@code prometheus}). Missing, it
 * fails the test rather than skipping it: the alert rules would otherwise ship unchecked.
 */
final class Promtool {

	private final String executable;

	Promtool() {
		this("promtool");
	}

	Promtool(String executable) {
		this.executable = executable;
	}

	/**
	 * Runs promtool in a folder and fails with its output unless it succeeds.
	 * @param dir the working directory, against which file arguments resolve
	 * @param args the arguments, such as {@code check rules rules.yaml}
	 * @return what promtool printed
	 */
	String assertSucceeds(Path dir, String... args) {
		List<String> command = new ArrayList<>(List.of(this.executable));
		command.addAll(List.of(args));
		Process process = start(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true));
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail("promtool %s timed out in %s", String.join(" ", args), dir);
			}
			if (process.exitValue() != 0) {
				fail("promtool %s failed in %s:%n%s", String.join(" ", args), dir, output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Process start(ProcessBuilder builder) {
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new AssertionError(this.executable + " is needed to check the Prometheus rules and Grafana queries "
					+ "and was not found on the PATH: install Debian's prometheus package "
					+ "(apt-get install prometheus; .ci/run does it)", ex);
		}
	}

}
