package io.meshgate.review.reviews;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.meshgate.review.outbox.Outbox;
import io.meshgate.review.product.Product;
import io.meshgate.review.product.ProductCatalog;
import io.meshgate.service.support.security.MemberTokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writing and reading reviews. A review is stored only for a product that product-service
 * knows, and together with the event that announces it.
 */
@Service
class Reviews {

	private static final Logger logger = LoggerFactory.getLogger(Reviews.class);

	private final ReviewRepository repository;

	private final ProductCatalog products;

	private final Outbox outbox;

	private final TransactionOperations transactions;

	Reviews(ReviewRepository repository, ProductCatalog products, Outbox outbox, TransactionOperations transactions) {
		this.repository = repository;
		this.products = products;
		this.outbox = outbox;
		this.transactions = transactions;
	}

	/**
	 * Only members write reviews: a service's token is refused before product-service is
	 * asked. Checks the product before the transaction starts, so that no database
	 * connection is held while product-service answers; then stores the review and its
	 * event in one transaction: both or neither.
	 */
	Review create(Jwt token, NewReview input) {
		UUID reviewerId = MemberTokens.memberId(token);
		Product product = this.products.require(input.productId(), token.getTokenValue());
		// PostgreSQL keeps microseconds: the instant returned is the one stored.
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Review review = new Review(UUID.randomUUID(), product.id(), reviewerId, input.rating(), input.text(), now);
		ReviewCreated event = ReviewCreated.of(review, product.name(), token.getClaimAsString("email"));
		this.transactions.executeWithoutResult((status) -> {
			this.repository.insert(review);
			this.outbox.append(ReviewCreated.TYPE, review.id().toString(), event);
		});
		// Ids only: the line ties the request's trace to the stored review and its event.
		logger.info("Review {} of product {} stored with its event", review.id(), product.id());
		return review;
	}

	Review get(UUID id) {
		return this.repository.findById(id).orElseThrow(ReviewProblems::reviewNotFound);
	}

	ReviewPage page(UUID productId, int page, int size) {
		return ReviewPage.of(this.repository.findPage(productId, page, size), page, size,
				this.repository.countByProduct(productId));
	}

	/**
	 * The newest reviews of each product, keyed in the order asked, with an empty list
	 * for a product without any: the caller never has to tell a missing key from no
	 * reviews.
	 */
	Map<UUID, List<Review>> newestByProduct(List<UUID> productIds, int limit) {
		Set<UUID> distinct = new LinkedHashSet<>(productIds);
		Map<UUID, List<Review>> byProduct = new LinkedHashMap<>();
		distinct.forEach((id) -> byProduct.put(id, new ArrayList<>()));
		this.repository.findNewestByProducts(distinct, limit)
			.forEach((review) -> byProduct.get(review.productId()).add(review));
		return byProduct;
	}

}
