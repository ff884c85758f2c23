package io.meshgate.storefront.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.meshgate.storefront.support.UpstreamStandIn.Request;
import io.meshgate.storefront.support.UpstreamStandIn.Response;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test data the three stand-ins serve, answering as the real services do per the
 * contracts: pages of products, reviews by product newest first, display names of the
 * reviewers who have a profile. Product {@code p} has reviews written in turn by the
 * reviewers; reviewer {@code i} is named "Reviewer i", except the last one, who has no
 * member profile, and (with three or more reviewers) the one before, whose profile has no
 * name yet.
 */
public final class Catalog {

	private static final Instant NEWEST = Instant.parse("2026-11-20T12:00:00Z");

	private final List<TestProduct> products;

	private final Map<UUID, List<TestReview>> reviews = new LinkedHashMap<>();

	private final List<UUID> reviewers;

	private Catalog(int productCount, int reviewsPerProduct, int reviewerCount) {
		this.products = IntStream.range(0, productCount)
			.mapToObj((p) -> new TestProduct(UUID.randomUUID(), "Product %02d".formatted(p), "Description " + p,
					new BigDecimal("10.50").add(BigDecimal.valueOf(p)), "EUR", 0))
			.toList();
		this.reviewers = IntStream.range(0, reviewerCount).mapToObj((r) -> UUID.randomUUID()).toList();
		for (int p = 0; p < productCount; p++) {
			UUID productId = this.products.get(p).id();
			int first = p * reviewsPerProduct;
			this.reviews.put(productId,
					IntStream.range(0, reviewsPerProduct)
						.mapToObj((r) -> new TestReview(UUID.randomUUID(), productId,
								this.reviewers.get((first + r) % reviewerCount), 1 + (r % 5), "Review " + r,
								NEWEST.minus(r, ChronoUnit.HOURS).toString()))
						.toList());
		}
	}

	public static Catalog of(int products, int reviewsPerProduct, int reviewers) {
		return new Catalog(products, reviewsPerProduct, reviewers);
	}

	public static Catalog empty() {
		return new Catalog(0, 0, 1);
	}

	public List<TestProduct> products() {
		return this.products;
	}

	public TestProduct product(int index) {
		return this.products.get(index);
	}

	/** The product's reviews, newest first. */
	public List<TestReview> reviewsOf(TestProduct product) {
		return this.reviews.get(product.id());
	}

	/** The display name the storefront shows for this reviewer, or null. */
	public String displayNameOf(UUID reviewerId) {
		String name = profileName(reviewerId);
		return (name == null || name.isEmpty()) ? null : name;
	}

	/**
	 * What member-service holds: null without a profile, empty for a profile without
	 * name.
	 */
	private String profileName(UUID reviewerId) {
		int index = this.reviewers.indexOf(reviewerId);
		int last = this.reviewers.size() - 1;
		if (index < 0 || index == last) {
			return null;
		}
		return (last >= 2 && index == last - 1) ? "" : "Reviewer " + index;
	}

	/** product-service: {@code GET /products} and {@code GET /products/{id}}. */
	Response productService(Request request) {
		if (request.path().equals("/products")) {
			int page = Integer.parseInt(request.query().getOrDefault("page", "0"));
			int size = Integer.parseInt(request.query().getOrDefault("size", "20"));
			String name = request.query().getOrDefault("name", "").toLowerCase(Locale.ROOT);
			List<TestProduct> matching = this.products.stream()
				.filter((product) -> product.name().toLowerCase(Locale.ROOT).contains(name))
				.toList();
			List<TestProduct> items = matching.stream().skip((long) page * size).limit(size).toList();
			return json(Map.of("items", items, "page", page, "size", size, "totalElements", matching.size(),
					"totalPages", (matching.size() + size - 1) / size));
		}
		return this.products.stream()
			.filter((product) -> request.path().equals("/products/" + product.id()))
			.findFirst()
			.map(Catalog::json)
			.orElseGet(Response::notFound);
	}

	/** review-service: {@code GET /reviews/by-product?ids=..&limit=..}. */
	Response reviewService(Request request) {
		if (!request.path().equals("/reviews/by-product")) {
			return Response.notFound();
		}
		int limit = Integer.parseInt(request.query().get("limit"));
		Map<String, List<TestReview>> byProduct = new LinkedHashMap<>();
		for (String id : request.query().get("ids").split(",")) {
			List<TestReview> all = this.reviews.getOrDefault(UUID.fromString(id), List.of());
			byProduct.put(id, all.subList(0, Math.min(limit, all.size())));
		}
		return json(byProduct);
	}

	/** member-service: {@code GET /display-names?ids=..}. */
	Response memberService(Request request) {
		if (!request.path().equals("/display-names")) {
			return Response.notFound();
		}
		List<Map<String, String>> names = Arrays.stream(request.query().get("ids").split(","))
			.map(UUID::fromString)
			.filter((id) -> profileName(id) != null)
			.map((id) -> Map.of("id", id.toString(), "displayName", profileName(id)))
			.toList();
		return json(names);
	}

	private static Response json(Object body) {
		return Response.ok(JsonMapper.shared().writeValueAsString(body));
	}

	/** A product as product-service returns it, with a field the storefront ignores. */
	public record TestProduct(UUID id, String name, String description, BigDecimal price, String currency,
			long version) {

	}

	public record TestReview(UUID id, UUID productId, UUID reviewerId, int rating, String text, String createdAt) {

	}

}
