package io.meshgate.localplatform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server for the gateway's rate limits, from the binaries the embedded-redis
 * jar ships (nothing to install), run as a child process like the services so that a
 * crashed launcher's leftover is found by its pid file. Nothing is persisted: buckets are
 * meant to be forgotten. The password is passed on standard input, never on the command
 * line where any local user could read it.
 */
final class LocalRedis extends ChildProcessComponent {

	private final int port;

	private final String password;

	LocalRedis(int port, String password, Path logDirectory, Path runDirectory) {
		super("redis", List.of(port), logDirectory, runDirectory);
		this.port = port;
		this.password = password;
	}

	@Override
	ProcessBuilder command() throws IOException {
		String executable = ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
		return new ProcessBuilder(executable, "-");
	}

	@Override
	void started(Process process) throws IOException {
		try (OutputStream config = process.getOutputStream()) {
			config.write(
					String
						.join("\n", "port " + this.port, "bind 127.0.0.1", "requirepass " + this.password, "save \"\"",
								"appendonly no", "")
						.getBytes(StandardCharsets.UTF_8));
		}
	}

	@Override
	String readinessProbe() {
		return "AUTH and PING on 127.0.0.1:" + this.port;
	}

	@Override
	boolean isReady() {
		return answersPing();
	}

	@Override
	public List<String> summary() {
		return List.of("127.0.0.1:" + this.port + "  (rate limits; password in secrets.properties)");
	}

	/** AUTH then PING in Redis's wire protocol; ready when both succeed. */
	private boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			socket.setSoTimeout(500);
			socket.getOutputStream().write(("AUTH " + this.password + "\r\nPING\r\n").getBytes(StandardCharsets.UTF_8));
			return readLines(socket.getInputStream(), 2).equals("+OK\r\n+PONG\r\n");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String readLines(InputStream in, int lines) throws IOException {
		StringBuilder answer = new StringBuilder();
		int seen = 0;
		while (seen < lines) {
			int next = in.read();
			if (next < 0) {
				break;
			}
			answer.append((char) next);
			if (next == '\n') {
				seen++;
			}
		}
		return answer.toString();
	}

}
