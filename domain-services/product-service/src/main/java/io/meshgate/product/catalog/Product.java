package io.meshgate.product.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A product as stored and as clients see it (the product-service contract).
 *
 * @param id generated on creation
 * @param name what the product is called
 * @param description a longer text, or {@code null}
 * @param price at least zero, always with two decimals
 * @param currency the ISO 4217 code of the price
 * @param version incremented by every change; the ETag
 * @param createdAt when the product was created
 * @param updatedAt when it last changed
 */
record Product(UUID id, String name, String description, BigDecimal price, String currency, long version,
		Instant createdAt, Instant updatedAt) {

}
