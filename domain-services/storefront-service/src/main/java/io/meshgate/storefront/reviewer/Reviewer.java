package io.meshgate.storefront.reviewer;

import java.util.UUID;

/**
 * Who wrote a review, as the public may see it: the member's display name and nothing
 * else of the profile.
 *
 * @param id the member's account id (the review's {@code reviewerId})
 * @param displayName null when the member has no profile or has not named it yet
 */
record Reviewer(UUID id, String displayName) {

}
