package io.meshgate.service.support.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.meshgate.service.support.problem.ProblemDetailsAutoConfiguration;
import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configured decoder against a JWKS served over real HTTP: each token breaks one
 * rule of CONTRACTS.md and is refused; a valid one is accepted.
 */
class ResourceServerAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
						ProblemDetailsAutoConfiguration.class, ResourceServerAutoConfiguration.class))
		.withPropertyValues("meshgate.security.issuer=" + TestJwks.ISSUER,
				"meshgate.security.jwk-set-uri=" + TestJwks.instance().uri());

	@Test
	void acceptsValidToken() {
		TestTokens token = TestTokens.valid();

		withDecoder((decoder) -> assertThat(decoder.decode(token.sign()).getSubject()).isEqualTo(token.subject()));
	}

	@Test
	void acceptsTokenExpiredWithinClockSkew() {
		String token = TestTokens.valid().expiredSince(Duration.ofSeconds(30)).sign();

		withDecoder((decoder) -> assertThat(decoder.decode(token).getExpiresAt()).isBefore(Instant.now()));
	}

	@Test
	void rejectsTokenExpiredBeyondClockSkew() {
		assertRejectedFor(TestTokens.valid().expiredSince(Duration.ofMinutes(2)).sign(), "expired");
	}

	@Test
	void rejectsTokenNotYetValidBeyondClockSkew() {
		assertRejectedFor(TestTokens.valid().notBefore(Instant.now().plus(Duration.ofMinutes(2))).sign(), "before");
	}

	@Test
	void rejectsTokenWithoutExpiry() {
		assertRejectedFor(TestTokens.valid().withoutExpiry().sign(), "exp");
	}

	@Test
	void rejectsTokenWithWrongAudience() {
		assertRejectedFor(TestTokens.valid().audience("other-api").sign(), "aud");
	}

	@Test
	void rejectsTokenFromAnotherIssuer() {
		assertRejectedFor(TestTokens.valid().issuer("https://attacker.example").sign(), "iss");
	}

	@Test
	void rejectsTokenWithoutSignature() {
		withDecoder((decoder) -> assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> decoder.decode(TestTokens.valid().unsigned())));
	}

	@Test
	void rejectsHmacTokenKeyedWithThePublicKey() {
		withDecoder((decoder) -> assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> decoder.decode(TestTokens.valid().hmacWithPublicKey())));
	}

	@Test
	void rejectsTokenSignedWithUnpublishedKey() {
		String token = TestTokens.valid().signedWith(TestJwks.newKey()).sign();

		withDecoder(
				(decoder) -> assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token)));
	}

	@Test
	void mapsScopesAndRolesToAuthorities() {
		Jwt jwt = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject("3f6c1b54-7a51-4f8e-9d1b-2f5d1c9a7e10")
			.claim("scope", "openid products.write")
			.claim("roles", List.of("USER", "ADMIN"))
			.build();

		this.contextRunner.run(
				(context) -> assertThat(context.getBean(JwtAuthenticationConverter.class).convert(jwt).getAuthorities())
					.extracting(GrantedAuthority::getAuthority)
					.contains("SCOPE_openid", "SCOPE_products.write", "ROLE_USER", "ROLE_ADMIN"));
	}

	@Test
	void refusesToStartWithClockSkewAboveOneMinute() {
		this.contextRunner.withPropertyValues("meshgate.security.clock-skew=61s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("clock-skew must be between 0 and 60 seconds"));
	}

	@Test
	void refusesToStartWithoutIssuer() {
		this.contextRunner.withPropertyValues("meshgate.security.issuer=")
			.run((context) -> assertThat(context).hasFailed());
	}

	private void withDecoder(Consumer<JwtDecoder> assertion) {
		this.contextRunner.run((context) -> assertion.accept(context.getBean(JwtDecoder.class)));
	}

	private void assertRejectedFor(String token, String reason) {
		withDecoder((decoder) -> assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> decoder.decode(token))
			.satisfies((ex) -> assertThat(ex.getErrors()).extracting(OAuth2Error::getDescription)
				.anySatisfy((description) -> assertThat(description).contains(reason))));
	}

}
