package io.meshgate.product.catalog;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.meshgate.service.support.etag.EntityTags;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog API behind the gateway's {@code /api/products/**} ({@code /api} stripped).
 * Reads are public, writes need scope {@code products.write}
 * ({@link CatalogAuthorizationConfig}).
 */
@RestController
@RequestMapping("/products")
class ProductController {

	private final ProductCatalog catalog;

	ProductController(ProductCatalog catalog) {
		this.catalog = catalog;
	}

	/** A blank {@code name} is no filter, as a search box left empty would send it. */
	@GetMapping
	ProductPage list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(defaultValue = "name,asc") @Pattern(regexp = ProductSort.PATTERN,
					message = ProductSort.PATTERN_MESSAGE) String sort,
			@RequestParam(required = false) @Size(max = 200) String name) {
		String nameContains = (name == null || name.isBlank()) ? null : name;
		return this.catalog.page(nameContains, ProductSort.parse(sort), page, size);
	}

	@GetMapping("/{id}")
	ResponseEntity<Product> get(@PathVariable UUID id) {
		return withEntityTag(ResponseEntity.ok(), this.catalog.get(id));
	}

	/**
	 * The Location is the path this service serves; the gateway rewrites it to the public
	 * {@code /api/products/...} (docs/gateway.md, "Location headers").
	 */
	@PostMapping
	ResponseEntity<Product> create(@Valid @RequestBody ProductInput input) {
		Product product = this.catalog.create(input);
		return withEntityTag(ResponseEntity.created(URI.create("/products/" + product.id())), product);
	}

	/**
	 * If-Match is optional to binding so that its absence answers 428 (checked by
	 * {@link ProductCatalog}), not a generic 400.
	 */
	@PutMapping("/{id}")
	ResponseEntity<Product> replace(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody ProductInput input) {
		return withEntityTag(ResponseEntity.ok(), this.catalog.replace(id, ifMatch, input));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.catalog.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<Product> withEntityTag(ResponseEntity.BodyBuilder response, Product product) {
		return response.eTag(EntityTags.of(product.version())).body(product);
	}

}
