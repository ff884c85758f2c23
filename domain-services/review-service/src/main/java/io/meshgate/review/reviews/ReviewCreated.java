package io.meshgate.review.reviews;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of the {@code io.meshgate.review.created} event (CloudEvents 1.0). Consumers
 * ignore fields they do not know, so fields may be added within a release; none may be
 * removed or renamed.
 *
 * @param reviewId the review's id, also the event's subject
 * @param productId the product reviewed
 * @param productName the product's name when the review was written, so that a consumer
 * need not call product-service
 * @param reviewerId the account that wrote it
 * @param reviewerEmail the {@code email} claim of the creating token, or {@code null}
 * when the scope {@code email} was not granted
 * @param rating 1 to 5
 * @param text what the reviewer wrote
 * @param createdAt when it was written
 */
record ReviewCreated(UUID reviewId, UUID productId, String productName, UUID reviewerId, String reviewerEmail,
		int rating, String text, Instant createdAt) {

	static final String TYPE = "io.meshgate.review.created";

	static ReviewCreated of(Review review, String productName, String reviewerEmail) {
		return new ReviewCreated(review.id(), review.productId(), productName, review.reviewerId(), reviewerEmail,
				review.rating(), review.text(), review.createdAt());
	}

}
