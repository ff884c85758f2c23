package io.meshgate.storefront.product;

import java.util.Optional;
import java.util.UUID;

import io.meshgate.storefront.upstream.CallerToken;
import io.meshgate.storefront.upstream.Upstream;
import io.meshgate.storefront.upstream.Upstreams;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * product-service's public reads (CONTRACTS: {@code GET /products}, {@code GET
 * /products/{id}}).
 */
@Component
class ProductClient {

	private final Upstream productService;

	ProductClient(Upstreams upstreams) {
		this.productService = upstreams.named("product-service", "Products are");
	}

	ProductPage page(String name, int page, int size, CallerToken caller) {
		return this.productService.get((uri) -> {
			uri.path("/products").queryParam("page", page).queryParam("size", size);
			// A URI variable is encoded strictly: an "&" or "+" in the name stays part of
			// it
			// instead of starting another parameter.
			return (name != null) ? uri.queryParam("name", "{name}").build(name) : uri.build();
		}, new ParameterizedTypeReference<>() {
		}, caller);
	}

	Optional<Product> find(UUID id, CallerToken caller) {
		return this.productService.find((uri) -> uri.path("/products/{id}").build(id), Product.class, caller);
	}

}
