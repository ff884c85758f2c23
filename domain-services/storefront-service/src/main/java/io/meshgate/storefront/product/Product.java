package io.meshgate.storefront.product;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A product as product-service returns it; the fields the schema does not show (version,
 * timestamps) are ignored.
 */
public record Product(UUID id, String name, String description, BigDecimal price, String currency) {

}
