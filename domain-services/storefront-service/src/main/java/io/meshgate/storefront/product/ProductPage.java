package io.meshgate.storefront.product;

import java.util.List;

/** A page of products, in product-service's page shape. */
record ProductPage(List<Product> items, int page, int size, long totalElements, long totalPages) {

}
