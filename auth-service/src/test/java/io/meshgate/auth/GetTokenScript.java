package io.meshgate.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/get-token.sh} as a person runs it, from a copy in
 * {@code <home>/scripts}, so that the {@code .local/} it looks at is the test's own,
 * never the checkout's.
 */
final class GetTokenScript {

	private static final Path SCRIPT = Paths.get("..", "scripts", "get-token.sh");

	private final Path script;

	private final Map<String, String> environment;

	/**
	 * @param home the folder that plays the checkout (its {@code .local/tls} is the local
	 * platform's certificate, when the test puts one there)
	 * @param environment {@code MESHGATE_*} settings; the state between the two steps
	 * goes to {@code <home>/run}
	 */
	GetTokenScript(Path home, Map<String, String> environment) throws IOException {
		this.script = home.resolve("scripts/get-token.sh");
		Files.createDirectories(this.script.getParent());
		Files.copy(SCRIPT, this.script);
		Files.createDirectories(home.resolve("run"));
		this.environment = new HashMap<>(environment);
		this.environment.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
	}

	/** Runs the script and returns its output; fails the test when it does not exit 0. */
	String run(String... args) throws IOException, InterruptedException {
		Result result = attempt(args);
		assertThat(result.exitCode())
			.as("exit code of get-token.sh %s (stderr: %s)", String.join(" ", args), result.errors())
			.isZero();
		return result.output();
	}

	Result attempt(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("bash", this.script.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(this.environment);
		Process process = builder.start();
		CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
		String output = read(process.getInputStream());
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output, errors.join());
	}

	private static String read(InputStream stream) {
		try {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Result(int exitCode, String output, String errors) {
	}

}
