package io.meshgate.notification.review;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The thank-you mail. Where it is sent through is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender, an RFC 5322 address with an optional display name
 * ({@code Meshgate <no-reply@meshgate.example>}); no default, since a wrong one makes
 * mail servers refuse or junk every message
 */
@Validated
@ConfigurationProperties("meshgate.notification.mail")
record ThanksMailProperties(@NotBlank String from) {

}
