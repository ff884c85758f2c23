package io.meshgate.product.catalog;

import java.util.List;

/**
 * One page of the listing.
 *
 * @param items the products on this page, in the requested order
 * @param page the zero-based page number
 * @param size the requested page size
 * @param totalElements how many products match
 * @param totalPages how many pages of this size there are
 */
record ProductPage(List<Product> items, int page, int size, long totalElements, long totalPages) {

	static ProductPage of(List<Product> items, int page, int size, long totalElements) {
		return new ProductPage(items, page, size, totalElements, (totalElements + size - 1) / size);
	}

}
