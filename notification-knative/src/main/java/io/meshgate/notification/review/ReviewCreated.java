package io.meshgate.notification.review;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The data of {@code io.meshgate.review.created} (CONTRACTS.md), as far as this service
 * uses it. Fields it does not need, such as the review text, are not read at all, and
 * unknown fields are ignored: producers may add fields within a release.
 *
 * @param reviewId the review (the event's {@code subject})
 * @param productId the product reviewed
 * @param productName its name when the review was written, for the mail
 * @param reviewerId the reviewer's account
 * @param reviewerEmail where to write, from the token's {@code email} claim; null when
 * that scope was not granted
 * @param rating 1 to 5
 * @param createdAt when the review was written
 */
record ReviewCreated(@NotNull UUID reviewId, @NotNull UUID productId, @NotBlank @Size(max = 200) String productName,
		@NotNull UUID reviewerId, @Email @Size(max = 320) String reviewerEmail, @NotNull @Min(1) @Max(5) Integer rating,
		@NotNull Instant createdAt) {

}
