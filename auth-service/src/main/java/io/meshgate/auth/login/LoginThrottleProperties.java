package io.meshgate.auth.login;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Failed sign-ins allowed per submitted e-mail and per client address within a window
 * before further attempts are refused without checking the password.
 */
@Validated
@ConfigurationProperties("meshgate.login-throttle")
record LoginThrottleProperties(@Positive int maxFailuresPerAccount, @Positive int maxFailuresPerAddress,
		@NotNull Duration window) {

}
