package io.meshgate.storefront.product;

import java.util.UUID;

import io.meshgate.storefront.query.InvalidArgumentException;
import io.meshgate.storefront.query.QueryLimitsProperties;
import io.meshgate.storefront.upstream.CallerToken;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.products} and {@code Query.product}: one product-service call each. */
@Controller
class ProductController {

	private final ProductClient products;

	private final QueryLimitsProperties limits;

	ProductController(ProductClient products, QueryLimitsProperties limits) {
		this.products = products;
		this.limits = limits;
	}

	@QueryMapping
	ProductPage products(@Argument String name, @Argument int page, @Argument int size,
			@ContextValue(name = CallerToken.CONTEXT_KEY) CallerToken caller) {
		this.limits.checkPage(page, size);
		return this.products.page(name, page, size, caller);
	}

	@QueryMapping
	Product product(@Argument String id, @ContextValue(name = CallerToken.CONTEXT_KEY) CallerToken caller) {
		return this.products.find(productId(id), caller).orElse(null);
	}

	private static UUID productId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidArgumentException("id must be a product id (a UUID).");
		}
	}

}
