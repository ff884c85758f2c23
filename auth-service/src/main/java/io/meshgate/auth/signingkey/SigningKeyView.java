package io.meshgate.auth.signingkey;

import java.time.Instant;

/**
 * What an operator sees of a key: never key material.
 */
public record SigningKeyView(String kid, String state, Instant createdAt, Instant activeFrom) {

}
