package io.meshgate.review.reviews;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reviews in PostgreSQL. Every read of a product's reviews is newest first, along the
 * index on {@code (product_id, created_at DESC, id DESC)}.
 */
@Repository
class ReviewRepository {

	private static final String COLUMNS = "id, product_id, reviewer_id, rating, text, created_at";

	private static final String NEWEST_FIRST = "created_at DESC, id DESC";

	private final JdbcClient jdbc;

	ReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Review review) {
		this.jdbc.sql("""
				INSERT INTO review (id, product_id, reviewer_id, rating, text, created_at)
				VALUES (:id, :productId, :reviewerId, :rating, :text, :createdAt)
				""")
			.param("id", review.id())
			.param("productId", review.productId())
			.param("reviewerId", review.reviewerId())
			.param("rating", review.rating())
			.param("text", review.text())
			.param("createdAt", review.createdAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	Optional<Review> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM review WHERE id = :id")
			.param("id", id)
			.query(ReviewRepository::review)
			.optional();
	}

	List<Review> findPage(UUID productId, int page, int size) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM review WHERE product_id = :productId ORDER BY " + NEWEST_FIRST
					+ " LIMIT :limit OFFSET :offset")
			.param("productId", productId)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(ReviewRepository::review)
			.list();
	}

	long countByProduct(UUID productId) {
		return this.jdbc.sql("SELECT count(*) FROM review WHERE product_id = :productId")
			.param("productId", productId)
			.query(Long.class)
			.single();
	}

	/**
	 * The newest {@code limit} reviews of each product, in one query: the window function
	 * numbers each product's reviews newest first and the outer query keeps the first
	 * {@code limit}, so a page of products costs one round trip instead of one per
	 * product.
	 * @return the reviews ordered by product, each product's newest first
	 */
	List<Review> findNewestByProducts(Collection<UUID> productIds, int limit) {
		return this.jdbc.sql("""
				SELECT %1$s
				FROM (
				    SELECT %1$s,
				           row_number() OVER (PARTITION BY product_id ORDER BY %2$s) AS position
				    FROM review
				    WHERE product_id IN (:productIds)
				) numbered
				WHERE position <= :limit
				ORDER BY product_id, %2$s
				""".formatted(COLUMNS, NEWEST_FIRST))
			.param("productIds", productIds)
			.param("limit", limit)
			.query(ReviewRepository::review)
			.list();
	}

	private static Review review(ResultSet row, int rowNumber) throws SQLException {
		return new Review(row.getObject("id", UUID.class), row.getObject("product_id", UUID.class),
				row.getObject("reviewer_id", UUID.class), row.getInt("rating"), row.getString("text"),
				row.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
