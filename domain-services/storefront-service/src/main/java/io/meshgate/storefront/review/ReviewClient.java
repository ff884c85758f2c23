package io.meshgate.storefront.review;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.meshgate.storefront.upstream.CallerToken;
import io.meshgate.storefront.upstream.Upstream;
import io.meshgate.storefront.upstream.Upstreams;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * review-service's batch read (CONTRACTS:
 * {@code GET /reviews/by-product?ids=..&limit=..}, at most 100 ids): every requested id
 * comes back as a key, newest reviews first.
 */
@Component
class ReviewClient {

	/** The most ids review-service accepts in one call. */
	static final int MAX_IDS = 100;

	private final Upstream reviewService;

	ReviewClient(Upstreams upstreams) {
		this.reviewService = upstreams.named("review-service", "Reviews are");
	}

	Map<UUID, List<Review>> byProduct(Collection<UUID> productIds, int limit, CallerToken caller) {
		String ids = productIds.stream().map(UUID::toString).collect(Collectors.joining(","));
		return this.reviewService.get(
				(uri) -> uri.path("/reviews/by-product").queryParam("ids", ids).queryParam("limit", limit).build(),
				new ParameterizedTypeReference<>() {
				}, caller);
	}

}
