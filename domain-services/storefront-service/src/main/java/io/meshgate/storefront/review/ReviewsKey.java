package io.meshgate.storefront.review;

import java.util.UUID;

/**
 * What one {@code Product.reviews} field asks the DataLoader for. The limit is part of
 * the key because one query may ask for the same product's reviews with different limits
 * (aliases).
 */
record ReviewsKey(UUID productId, int limit) {

}
