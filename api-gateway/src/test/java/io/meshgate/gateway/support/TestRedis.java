package io.meshgate.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/**
 * A real Redis server (the redis-server binary shipped in the embedded-redis jar) on a
 * free loopback port, once per test JVM, for the gateway's rate limits.
 */
public final class TestRedis {

	private static final TestRedis INSTANCE = new TestRedis();

	private final int port;

	private TestRedis() {
		this.port = freePort();
		try {
			RedisServer server = RedisServer.newRedisServer()
				.port(this.port)
				.setting("bind 127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.stop();
				}
				catch (IOException ex) {
					// The JVM is exiting; the server dies with its parent's pipes.
				}
			}));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start Redis", ex);
		}
	}

	public static TestRedis instance() {
		return INSTANCE;
	}

	public int port() {
		return this.port;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
