package io.meshgate.review.reviews;

import java.util.List;

/**
 * One page of a product's reviews, newest first.
 *
 * @param items the reviews on this page
 * @param page the zero-based page number
 * @param size the requested page size
 * @param totalElements how many reviews the product has
 * @param totalPages how many pages of this size there are
 */
record ReviewPage(List<Review> items, int page, int size, long totalElements, long totalPages) {

	static ReviewPage of(List<Review> reviews, int page, int size, long totalElements) {
		return new ReviewPage(reviews, page, size, totalElements, (totalElements + size - 1) / size);
	}

}
