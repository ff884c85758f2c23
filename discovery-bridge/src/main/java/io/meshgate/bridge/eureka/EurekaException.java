package io.meshgate.bridge.eureka;

/**
 * A request to Eureka that failed. {@link #unreachable()} tells a server that could not
 * be reached, timed out or answered 5xx (worth trying the next server, and retrying
 * later) from one that refused the request.
 */
public class EurekaException extends RuntimeException {

	private final boolean unreachable;

	EurekaException(String message, boolean unreachable, Throwable cause) {
		super(message, cause);
		this.unreachable = unreachable;
	}

	public boolean unreachable() {
		return this.unreachable;
	}

}
