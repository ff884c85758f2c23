package io.meshgate.product.catalog;

import java.util.List;

import io.meshgate.product.support.ProductServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name search is a predicate the trigram index serves: a rewrite such as
 * {@code lower(name) LIKE ...} would silently turn every search into a full scan.
 */
class ProductSearchIndexIntegrationTests extends ProductServiceIntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transaction;

	@Test
	void nameSearchInALargeCatalogUsesTheTrigramIndex() {
		List<String> plan = this.transaction.execute((status) -> {
			// Rolled back at the end: no other test sees these rows or their statistics.
			status.setRollbackOnly();
			this.jdbc.sql("""
					INSERT INTO product (name, price, currency)
					SELECT 'Sample ' || i || ' ' || md5(i::text), 1, 'EUR' FROM generate_series(1, 20000) AS i
					""").update();
			// What autovacuum does in a running database: statistics, and the index's
			// pending
			// entries merged, without which the planner prices the index as a full read.
			this.jdbc.sql("ANALYZE product").update();
			this.jdbc.sql("SELECT gin_clean_pending_list('product_name_trgm')").query(Long.class).single();
			return this.jdbc.sql("EXPLAIN SELECT id FROM product WHERE " + ProductRepository.NAME_CONTAINS)
				.param("pattern", "%kettle%")
				.query(String.class)
				.list();
		});

		assertThat(String.join("\n", plan)).contains("Bitmap Index Scan on product_name_trgm");
	}

}
