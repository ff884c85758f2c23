package io.meshgate.auth.refresh;

import io.meshgate.auth.cleanup.CleanupSchedule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param cleanup when the hashes of rotated refresh tokens older than the refresh-token
 * TTL are deleted
 */
@Validated
@ConfigurationProperties("meshgate.refresh-token-reuse")
record RefreshTokenReuseProperties(@NotNull @Valid CleanupSchedule cleanup) {

}
