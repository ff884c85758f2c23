package io.meshgate.gateway.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

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
 * Builds the tokens of the negative suite: a valid one by default, each method breaking
 * exactly one thing.
 */
public final class Tokens {

	public static final String ISSUER = "https://gateway.test.meshgate.io";

	public static final String SUBJECT = "3f6c1b54-7a51-4f8e-9d1b-2f5d1c9a7e10";

	private JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
		.subject(SUBJECT)
		.audience(List.of("meshgate-api"))
		.issueTime(Date.from(Instant.now()))
		.expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
		.claim("scope", "openid")
		.claim("roles", List.of("USER"));

	private RSAKey key = TestJwks.instance().signingKey();

	public static Tokens valid() {
		return new Tokens();
	}

	public Tokens scope(String scope) {
		this.claims.claim("scope", scope);
		return this;
	}

	public Tokens subject(String subject) {
		this.claims.subject(subject);
		return this;
	}

	public Tokens issuer(String issuer) {
		this.claims.issuer(issuer);
		return this;
	}

	public Tokens audience(String audience) {
		this.claims.audience(audience);
		return this;
	}

	public Tokens expiredSince(Duration ago) {
		this.claims.expirationTime(Date.from(Instant.now().minus(ago)));
		return this;
	}

	public Tokens notBefore(Instant notBefore) {
		this.claims.notBeforeTime(Date.from(notBefore));
		return this;
	}

	public Tokens withoutExpiry() {
		this.claims.expirationTime(null);
		return this;
	}

	public Tokens signedWith(RSAKey key) {
		this.key = key;
		return this;
	}

	public String sign() {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
					this.claims.build());
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code alg: none}: no signature at all. */
	public String unsigned() {
		return new PlainJWT(this.claims.build()).serialize();
	}

	/**
	 * HS256 with the RSA public key's bytes as the HMAC secret: the classic key-confusion
	 * attack on verifiers that let the token choose the algorithm.
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
			throw new IllegalStateException(ex);
		}
	}

	/** A valid token whose signature belongs to another payload. */
	public String withBadSignature() {
		String token = sign();
		String[] parts = token.split("\\.");
		String other = Tokens.valid().scope("products.write").sign().split("\\.")[2];
		return parts[0] + "." + parts[1] + "." + other;
	}

}
