package io.meshgate.storefront.review;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import io.meshgate.storefront.product.Product;
import io.meshgate.storefront.query.QueryLimitsProperties;
import io.meshgate.storefront.upstream.CallerToken;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code Product.reviews}: every product of a query gets its reviews from one
 * review-service call, whatever the number of products. A {@code @BatchMapping} cannot
 * see the field's {@code limit}, so this registers the DataLoader itself, keyed by
 * product and limit.
 */
@Controller
class ReviewController {

	private static final String LOADER = "reviewsByProduct";

	private final QueryLimitsProperties limits;

	ReviewController(BatchLoaderRegistry loaders, ReviewClient reviews, QueryLimitsProperties limits) {
		this.limits = limits;
		loaders.<ReviewsKey, List<Review>>forName(LOADER)
			.withOptions((options) -> options.setMaxBatchSize(ReviewClient.MAX_IDS))
			.registerMappedBatchLoader((keys, environment) -> Mono
				.fromCallable(() -> load(reviews, keys, CallerToken.from(environment.getContext()))));
	}

	@SchemaMapping(typeName = "Product")
	CompletableFuture<List<Review>> reviews(Product product, @Argument int limit, DataFetchingEnvironment env) {
		this.limits.checkReviewLimit(limit);
		DataLoader<ReviewsKey, List<Review>> loader = env.getDataLoader(LOADER);
		return loader.load(new ReviewsKey(product.id(), limit));
	}

	/**
	 * One call for the whole batch, with the largest limit asked for; each field then
	 * keeps its own newest {@code limit}.
	 */
	private static Map<ReviewsKey, List<Review>> load(ReviewClient reviews, Set<ReviewsKey> keys, CallerToken caller) {
		Set<UUID> productIds = keys.stream().map(ReviewsKey::productId).collect(Collectors.toSet());
		int limit = keys.stream().mapToInt(ReviewsKey::limit).max().orElse(1);
		Map<UUID, List<Review>> byProduct = reviews.byProduct(productIds, limit, caller);
		return keys.stream().collect(Collectors.toMap(Function.identity(), (key) -> {
			List<Review> newestFirst = byProduct.getOrDefault(key.productId(), List.of());
			return newestFirst.subList(0, Math.min(key.limit(), newestFirst.size()));
		}));
	}

}
