package io.meshgate.auth.login;

import java.time.Duration;

import io.meshgate.auth.cleanup.CleanupSchedule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Failed sign-ins allowed per submitted e-mail and per client address within a window
 * before further attempts are refused without checking the password.
 *
 * @param maxFailuresPerAccount failures per submitted e-mail within a window
 * @param maxFailuresPerAddress failures per client address within a window
 * @param window how long a count lasts from its first failure
 * @param cleanup when counts whose window has passed are deleted
 */
@Validated
@ConfigurationProperties("meshgate.login-throttle")
record LoginThrottleProperties(@Positive int maxFailuresPerAccount, @Positive int maxFailuresPerAddress,
		@NotNull Duration window, @NotNull @Valid CleanupSchedule cleanup) {

}
