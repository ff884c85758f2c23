package io.meshgate.service.support.security;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A person's token names their account; a service's token names no member and is refused
 * with the same problem by every service that needs one.
 */
class MemberTokensTests {

	@Test
	void accountIdIsTheSubject() {
		UUID account = UUID.randomUUID();

		assertThat(MemberTokens.memberId(token(account.toString()))).isEqualTo(account);
	}

	@Test
	void subjectThatIsNoAccountIdIsNotAMember() {
		assertNotAMember(token("review-service"));
	}

	@Test
	void tokenWithoutSubjectIsNotAMember() {
		assertNotAMember(Jwt.withTokenValue("token").header("alg", "RS256").claim("scope", "openid").build());
	}

	private static Jwt token(String subject) {
		return Jwt.withTokenValue("token").header("alg", "RS256").subject(subject).build();
	}

	private static void assertNotAMember(Jwt token) {
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> MemberTokens.memberId(token))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
				assertThat(ex.getBody().getType()).hasToString("https://meshgate.io/problems/not-a-member");
				assertThat(ex.getBody().getTitle()).isEqualTo("Not a member");
			});
	}

}
