package io.meshgate.storefront.reviewer;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.meshgate.storefront.review.Review;
import io.meshgate.storefront.upstream.CallerToken;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code Review.reviewer}: the reviewers of every review in a query come from one
 * member-service call (one per 100 distinct reviewers, the most it accepts). The
 * DataLoader is keyed by reviewer id rather than by review, so a member who wrote many of
 * the reviews is asked for once. A reviewer without a profile, or whose profile has no
 * name yet, is still named, without a display name.
 */
@Controller
class ReviewerController {

	ReviewerController(BatchLoaderRegistry loaders, DisplayNameClient members) {
		loaders.forTypePair(UUID.class, Reviewer.class)
			.withOptions((options) -> options.setMaxBatchSize(DisplayNameClient.MAX_IDS))
			.registerMappedBatchLoader((reviewerIds, environment) -> Mono
				.fromCallable(() -> load(members, reviewerIds, CallerToken.from(environment.getContext()))));
	}

	@SchemaMapping(typeName = "Review")
	CompletableFuture<Reviewer> reviewer(Review review, DataLoader<UUID, Reviewer> reviewers) {
		return reviewers.load(review.reviewerId());
	}

	private static Map<UUID, Reviewer> load(DisplayNameClient members, Set<UUID> reviewerIds, CallerToken caller) {
		Map<UUID, Reviewer> named = members.displayNames(reviewerIds, caller)
			.stream()
			.filter((reviewer) -> reviewer.displayName() != null && !reviewer.displayName().isBlank())
			.collect(Collectors.toMap(Reviewer::id, Function.identity(), (first, second) -> first));
		return reviewerIds.stream()
			.collect(Collectors.toMap(Function.identity(), (id) -> named.getOrDefault(id, new Reviewer(id, null))));
	}

}
