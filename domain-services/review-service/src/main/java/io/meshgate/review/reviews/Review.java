package io.meshgate.review.reviews;

import java.time.Instant;
import java.util.UUID;

/**
 * A review, as stored and as clients see it.
 *
 * @param id the review's id
 * @param productId the product reviewed
 * @param reviewerId the account that wrote it, the {@code sub} of its token
 * @param rating 1 to 5
 * @param text what the reviewer wrote
 * @param createdAt when it was written
 */
record Review(UUID id, UUID productId, UUID reviewerId, int rating, String text, Instant createdAt) {

}
