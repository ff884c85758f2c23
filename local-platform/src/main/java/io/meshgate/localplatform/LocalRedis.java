package io.meshgate.localplatform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server for the gateway's rate limits, from the binaries the embedded-redis
 * jar ships (nothing to install), run as a child process like the services so that a
 * crashed launcher's leftover is found by its pid file. Nothing is persisted: buckets are
 * meant to be forgotten. The password is passed on standard input, never on the command
 * line where any local user could read it.
 */
final class LocalRedis implements Component {

	private final int port;

	private final String password;

	private final Path logFile;

	private final PidFile pidFile;

	private Process process;

	LocalRedis(int port, String password, Path logDirectory, Path runDirectory) {
		this.port = port;
		this.password = password;
		this.logFile = logDirectory.resolve("redis.log");
		this.pidFile = new PidFile(runDirectory.resolve("redis.pid"));
	}

	@Override
	public String name() {
		return "redis";
	}

	@Override
	public Path logFile() {
		return this.logFile;
	}

	@Override
	public void stopLeftover() {
		this.pidFile.liveProcess().ifPresent((leftover) -> Processes.stop(leftover, Processes.GRACE_PERIOD));
		this.pidFile.delete();
	}

	@Override
	public synchronized void start() throws IOException {
		Ports.requireFree(this.port);
		Files.createDirectories(this.logFile.getParent());
		String executable = ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
		this.process = new ProcessBuilder(executable, "-").redirectErrorStream(true)
			.redirectOutput(this.logFile.toFile())
			.start();
		this.pidFile.write(this.process.toHandle());
		try (OutputStream config = this.process.getOutputStream()) {
			config.write(
					String
						.join("\n", "port " + this.port, "bind 127.0.0.1", "requirepass " + this.password, "save \"\"",
								"appendonly no", "")
						.getBytes(StandardCharsets.UTF_8));
		}
	}

	@Override
	public void awaitReady(Duration timeout) throws ComponentFailure, InterruptedException {
		Processes.awaitReady(this, currentProcess(), timeout, "AUTH and PING on 127.0.0.1:" + this.port,
				this::answersPing);
	}

	@Override
	public synchronized void stop() {
		if (this.process != null) {
			Processes.stop(this.process.toHandle(), Processes.GRACE_PERIOD);
			this.pidFile.delete();
		}
	}

	@Override
	public List<ProcessHandle> processes() {
		return this.pidFile.liveProcess().stream().toList();
	}

	@Override
	public List<String> summary() {
		return List.of("127.0.0.1:" + this.port + "  (rate limits; password in secrets.properties)");
	}

	private synchronized Process currentProcess() {
		return this.process;
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
