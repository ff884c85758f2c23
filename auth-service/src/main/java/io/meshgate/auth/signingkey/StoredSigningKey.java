package io.meshgate.auth.signingkey;

import java.time.Instant;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * A signing key as stored: its public half in clear, its private half encrypted.
 */
record StoredSigningKey(String kid, RSAKey publicKey, byte[] encryptedPrivateKey, String salt, Instant createdAt,
		Instant activeFrom) {

}
