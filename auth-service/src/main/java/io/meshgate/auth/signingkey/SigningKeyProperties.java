package io.meshgate.auth.signingkey;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How signing keys are protected and rotated.
 *
 * @param encryptionPassword encrypts private keys at rest; comes from a Secret
 * @param rotationPeriod how long a key signs before a successor is created
 * @param publishLead how long a new key is published in the JWKS before it signs, so
 * every resource server has fetched it before the first token it signs arrives
 * @param refreshInterval how often a replica re-reads the keys that others may have
 * created; must stay well below {@code publishLead}
 */
@Validated
@ConfigurationProperties("meshgate.signing-keys")
public record SigningKeyProperties(@NotBlank @Size(min = 16) String encryptionPassword,
		@NotNull Duration rotationPeriod, @NotNull Duration publishLead, @NotNull Duration refreshInterval) {

}
