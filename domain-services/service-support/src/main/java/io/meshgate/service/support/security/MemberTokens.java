package io.meshgate.service.support.security;

import java.util.UUID;

import io.meshgate.service.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

/**
 * The member account an access token names: its {@code sub}, an account id (a UUID) in
 * every token auth-service issues to a person (CONTRACTS.md).
 */
public final class MemberTokens {

	private MemberTokens() {
	}

	/**
	 * The account id of the member the token stands for.
	 * @throws ErrorResponseException 403 {@code not-a-member} for a valid token whose
	 * subject is not an account, such as a service's client-credentials token
	 */
	public static UUID memberId(Jwt token) {
		String subject = token.getSubject();
		if (subject == null) {
			throw notAMember();
		}
		try {
			return UUID.fromString(subject);
		}
		catch (IllegalArgumentException ex) {
			throw notAMember();
		}
	}

	private static ErrorResponseException notAMember() {
		return Problems.of(HttpStatus.FORBIDDEN, "not-a-member", "Not a member",
				"The token does not name a member account.");
	}

}
