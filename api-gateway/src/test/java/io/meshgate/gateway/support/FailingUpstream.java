package io.meshgate.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service that accepts every connection and closes it without answering, counting the
 * connections: what a crashing or overloaded service looks like from the gateway.
 */
public final class FailingUpstream {

	private static final FailingUpstream INSTANCE = new FailingUpstream();

	private final ServerSocket server;

	private final AtomicInteger connections = new AtomicInteger();

	private FailingUpstream() {
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::acceptAndClose, "failing-upstream");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public static FailingUpstream instance() {
		return INSTANCE;
	}

	public String uri() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	public int connections() {
		return this.connections.get();
	}

	private void acceptAndClose() {
		while (!this.server.isClosed()) {
			try (Socket socket = this.server.accept()) {
				this.connections.incrementAndGet();
				socket.getInputStream().read();
			}
			catch (IOException ex) {
				// The next connection is accepted all the same.
			}
		}
	}

}
