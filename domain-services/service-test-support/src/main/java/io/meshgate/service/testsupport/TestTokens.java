package io.meshgate.service.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens as auth-service issues them (RS256, {@code kid}, {@code aud:
 * meshgate-api}, a UUID {@code sub}, {@code scope}, {@code roles}), valid unless a method
 * breaks one thing.
 */
public final class TestTokens {

	private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(TestJwks.ISSUER)
		.subject(UUID.randomUUID().toString())
		.audience(List.of("meshgate-api"))
		.issueTime(Date.from(Instant.now()))
		.expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
		.claim("scope", "openid")
		.claim("roles", List.of("USER"));

	private RSAKey key = TestJwks.instance().signingKey();

	private TestTokens() {
	}

	/** A valid token for a new, random subject. */
	public static TestTokens valid() {
		return new TestTokens();
	}

	public TestTokens subject(String subject) {
		this.claims.subject(subject);
		return this;
	}

	public TestTokens claim(String name, Object value) {
		this.claims.claim(name, value);
		return this;
	}

	public TestTokens roles(String... roles) {
		return claim("roles", List.of(roles));
	}

	public TestTokens scope(String scope) {
		return claim("scope", scope);
	}

	public TestTokens issuer(String issuer) {
		this.claims.issuer(issuer);
		return this;
	}

	public TestTokens audience(String... audience) {
		this.claims.audience(List.of(audience));
		return this;
	}

	/** Issued ten minutes before it expired, as a real token would have been. */
	public TestTokens expiredSince(Duration ago) {
		Instant expiry = Instant.now().minus(ago);
		this.claims.issueTime(Date.from(expiry.minus(Duration.ofMinutes(10)))).expirationTime(Date.from(expiry));
		return this;
	}

	public TestTokens notBefore(Instant notBefore) {
		this.claims.notBeforeTime(Date.from(notBefore));
		return this;
	}

	public TestTokens withoutExpiry() {
		this.claims.expirationTime(null);
		return this;
	}

	public TestTokens signedWith(RSAKey key) {
		this.key = key;
		return this;
	}

	/** The subject the token names, for assertions. */
	public String subject() {
		return this.claims.build().getSubject();
	}

	public String sign() {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
					this.claims.build());
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a test token", ex);
		}
	}

	/** {@code alg: none}: no signature at all. */
	public String unsigned() {
		return new PlainJWT(this.claims.build()).serialize();
	}

	/**
	 * HS256 keyed with the published RSA public key: the key-confusion attack on
	 * verifiers that let the token choose the algorithm.
	 */
	public String hmacWithPublicKey() {
		try {
			byte[] secret = this.key.toPublicJWK().toRSAPublicKey().getEncoded();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(this.key.getKeyID()).build(),
					this.claims.build());
			jwt.sign(new MACSigner(secret));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a test token", ex);
		}
	}

	/** A valid token whose signature belongs to another payload. */
	public String withBadSignature() {
		String[] parts = sign().split("\\.");
		String otherSignature = TestTokens.valid().scope("products.write").sign().split("\\.")[2];
		return parts[0] + "." + parts[1] + "." + otherSignature;
	}

}
