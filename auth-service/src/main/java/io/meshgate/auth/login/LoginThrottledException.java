package io.meshgate.auth.login;

import org.springframework.security.authentication.LockedException;

/**
 * Too many failed sign-ins for the submitted e-mail or from this address. A
 * {@link LockedException} so that no other provider gets to check the password.
 */
class LoginThrottledException extends LockedException {

	LoginThrottledException() {
		super("Too many failed sign-in attempts");
	}

}
