package io.meshgate.review.product;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What review-service needs of product-service's Product: that it exists, and its name
 * for the event. The service rejects unknown fields in requests it receives; an upstream
 * answer is read leniently, since product-service may add fields in any release.
 *
 * @param id the product's id
 * @param name its name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Product(UUID id, String name) {

}
