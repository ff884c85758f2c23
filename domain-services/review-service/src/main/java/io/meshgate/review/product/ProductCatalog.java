package io.meshgate.review.product;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * product-service as review-service sees it: a product exists, or it does not, or
 * product-service cannot say right now. The call goes by service name through the load
 * balancer, with the caller's token, bounded by the client's timeouts and behind a
 * circuit breaker, so a review's creation never waits longer than those timeouts.
 */
public class ProductCatalog {

	/** The circuit breaker's id, also its tag in the resilience4j metrics. */
	public static final String CIRCUIT_BREAKER = "product-service";

	private static final Logger logger = LoggerFactory.getLogger(ProductCatalog.class);

	private final RestClient client;

	private final CircuitBreaker circuitBreaker;

	private final ProductServiceProperties properties;

	ProductCatalog(RestClient client, CircuitBreaker circuitBreaker, ProductServiceProperties properties) {
		this.client = client;
		this.circuitBreaker = circuitBreaker;
		this.properties = properties;
	}

	/**
	 * The product, if product-service knows it.
	 * @param bearerToken the caller's access token, relayed so that product-service sees
	 * who asks
	 * @throws org.springframework.web.ErrorResponseException 422 for an unknown product,
	 * 503 when product-service cannot answer
	 */
	public Product require(UUID productId, String bearerToken) {
		Optional<Product> product = this.circuitBreaker.run(() -> fetch(productId, bearerToken), (failure) -> {
			// The cause stays in the log (without the token); the client learns only to
			// retry.
			logger.warn("product-service could not confirm a product: {}", String.valueOf(failure));
			throw ProductProblems.productServiceUnavailable(this.properties.circuitBreaker().waitDurationInOpenState());
		});
		return product.orElseThrow(ProductProblems::unknownProduct);
	}

	/**
	 * A 404 is an answer, not a failure: it must not count towards opening the circuit.
	 * Anything but 200 or 404 is a failure of product-service.
	 */
	private Optional<Product> fetch(UUID productId, String bearerToken) {
		return this.client.get()
			.uri("/products/{id}", productId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
			.exchange((request, response) -> {
				HttpStatusCode status = response.getStatusCode();
				if (status.isSameCodeAs(HttpStatus.NOT_FOUND)) {
					return Optional.empty();
				}
				if (status.is2xxSuccessful()) {
					return Optional.ofNullable(response.bodyTo(Product.class));
				}
				throw new RestClientException("product-service answered " + status.value());
			});
	}

}
