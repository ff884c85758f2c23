package io.meshgate.gateway.accesslog;

/**
 * The exchange attribute holding the {@code sub} of an authenticated request, recorded by
 * the security chain for the access log (the security context is gone by the time the
 * line is written).
 */
public final class UserId {

	public static final String ATTRIBUTE = UserId.class.getName();

	private UserId() {
	}

}
