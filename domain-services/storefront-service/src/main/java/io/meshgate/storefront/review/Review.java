package io.meshgate.storefront.review;

import java.time.Instant;
import java.util.UUID;

/** A review as review-service returns it. */
public record Review(UUID id, UUID productId, UUID reviewerId, int rating, String text, Instant createdAt) {

}
