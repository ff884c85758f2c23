package io.meshgate.product.catalog;

import java.util.UUID;

import io.meshgate.service.support.etag.EntityTags;
import io.meshgate.service.support.etag.EntityTags.IfMatch;

import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * The catalog: anyone reads it; a write names the version it read ({@code If-Match}) and
 * applies only to that version.
 */
@Service
class ProductCatalog {

	private final ProductRepository repository;

	ProductCatalog(ProductRepository repository) {
		this.repository = repository;
	}

	Product get(UUID id) {
		return this.repository.findById(id).orElseThrow(ProductProblems::notFound);
	}

	/**
	 * One page in the given order, of the products whose name contains
	 * {@code nameContains} in any case, or of all of them when it is {@code null}.
	 */
	ProductPage page(String nameContains, ProductSort sort, int page, int size) {
		return ProductPage.of(this.repository.findPage(nameContains, sort, page, size), page, size,
				this.repository.count(nameContains));
	}

	Product create(ProductInput input) {
		return this.repository.insert(input);
	}

	Product replace(UUID id, String ifMatch, ProductInput input) {
		return this.repository.update(id, condition(ifMatch), input).orElseThrow(() -> writeRefused(id));
	}

	void delete(UUID id, String ifMatch) {
		if (!this.repository.delete(id, condition(ifMatch))) {
			throw writeRefused(id);
		}
	}

	/**
	 * The condition the write's own SQL statement evaluates, so nothing can change the
	 * product between the check and the write.
	 */
	private static IfMatch condition(String ifMatch) {
		return EntityTags.ifMatch(ifMatch).orElseThrow(ProductProblems::ifMatchRequired);
	}

	/**
	 * Why a conditional write changed nothing. The write itself already decided; this
	 * read only picks the answer, and a product deleted in between is rightly a 404.
	 */
	private ErrorResponseException writeRefused(UUID id) {
		return this.repository.exists(id) ? ProductProblems.productChanged() : ProductProblems.notFound();
	}

}
