package io.meshgate.product.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.meshgate.service.support.etag.EntityTags.IfMatch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Products in PostgreSQL. Every write is a single statement that carries its own
 * condition, so it needs no surrounding transaction and two writers at the same version
 * cannot both succeed.
 */
@Repository
class ProductRepository {

	private static final String COLUMNS = "id, name, description, price, currency, version, created_at, updated_at";

	/**
	 * The name search: a case-insensitive substring, which the trigram index
	 * {@code product_name_trgm} serves (V1).
	 */
	static final String NAME_CONTAINS = "name ILIKE :pattern ESCAPE '\\'";

	private static final String VERSION_MATCHES = "id = :id AND (:anyVersion OR version = :version)";

	private final JdbcClient jdbc;

	ProductRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Product> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE id = :id")
			.param("id", id)
			.query(ProductRepository::product)
			.optional();
	}

	boolean exists(UUID id) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM product WHERE id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	/**
	 * One page of the products whose name contains {@code nameContains}, or of all of
	 * them when it is {@code null}.
	 */
	List<Product> findPage(String nameContains, ProductSort sort, int page, int size) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM product" + where(nameContains) + " ORDER BY " + sort.orderBy()
					+ " LIMIT :limit OFFSET :offset")
			.params(searchParams(nameContains))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(ProductRepository::product)
			.list();
	}

	long count(String nameContains) {
		return this.jdbc.sql("SELECT count(*) FROM product" + where(nameContains))
			.params(searchParams(nameContains))
			.query(Long.class)
			.single();
	}

	Product insert(ProductInput input) {
		return this.jdbc.sql("""
				INSERT INTO product (name, description, price, currency)
				VALUES (:name, :description, :price, :currency)
				RETURNING %s
				""".formatted(COLUMNS)).params(fields(input)).query(ProductRepository::product).single();
	}

	/**
	 * Replaces the product's fields if it is at a version the condition accepts.
	 * @return the updated product, or empty if none with that id and version exists
	 */
	Optional<Product> update(UUID id, IfMatch condition, ProductInput input) {
		return this.jdbc.sql("""
				UPDATE product
				SET name = :name, description = :description, price = :price, currency = :currency,
				    version = version + 1, updated_at = now()
				WHERE %s
				RETURNING %s
				""".formatted(VERSION_MATCHES, COLUMNS))
			.params(fields(input))
			.param("id", id)
			.param("anyVersion", condition.anyVersion())
			.param("version", condition.version())
			.query(ProductRepository::product)
			.optional();
	}

	/**
	 * Deletes the product if it is at a version the condition accepts.
	 * @return whether it was deleted
	 */
	boolean delete(UUID id, IfMatch condition) {
		return this.jdbc.sql("DELETE FROM product WHERE " + VERSION_MATCHES)
			.param("id", id)
			.param("anyVersion", condition.anyVersion())
			.param("version", condition.version())
			.update() == 1;
	}

	private static String where(String nameContains) {
		return (nameContains != null) ? " WHERE " + NAME_CONTAINS : "";
	}

	/**
	 * The search text as a LIKE pattern in which its own % and _ match only themselves.
	 */
	private static Map<String, String> searchParams(String nameContains) {
		if (nameContains == null) {
			return Map.of();
		}
		String literal = nameContains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return Map.of("pattern", "%" + literal + "%");
	}

	/** The input's fields as named parameters; the description may be null. */
	private static Map<String, Object> fields(ProductInput input) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("name", input.name());
		fields.put("description", input.description());
		fields.put("price", input.price());
		fields.put("currency", input.currency());
		return fields;
	}

	private static Product product(ResultSet row, int rowNumber) throws SQLException {
		return new Product(row.getObject("id", UUID.class), row.getString("name"), row.getString("description"),
				row.getBigDecimal("price"), row.getString("currency"), row.getLong("version"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

}
