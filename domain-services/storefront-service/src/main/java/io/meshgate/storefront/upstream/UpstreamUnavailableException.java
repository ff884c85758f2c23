package io.meshgate.storefront.upstream;

/**
 * An upstream failed, timed out or is cut off by its circuit breaker. The message is
 * written for the client (it becomes the GraphQL error's message); what went wrong stays
 * in the log.
 */
public class UpstreamUnavailableException extends RuntimeException {

	private final String upstream;

	UpstreamUnavailableException(String upstream, String unavailable, Throwable cause) {
		super(unavailable + " unavailable right now; try again later.", cause);
		this.upstream = upstream;
	}

	/** The service name of the upstream, such as {@code review-service}. */
	public String upstream() {
		return this.upstream;
	}

}
