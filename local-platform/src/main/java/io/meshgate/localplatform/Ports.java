package io.meshgate.localplatform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Checks that a port is free before a component tries to listen on it. */
final class Ports {

	private Ports() {
	}

	/**
	 * Fails with a readable reason when the port is taken: a component that cannot bind
	 * otherwise reports it deep in its own log.
	 */
	static void requireFree(int port) throws IOException {
		if (!isFree(port)) {
			throw new IOException("port " + port + " on 127.0.0.1 is already in use (another platform running? "
					+ "stop it, or pass --port-offset N)");
		}
	}

	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
