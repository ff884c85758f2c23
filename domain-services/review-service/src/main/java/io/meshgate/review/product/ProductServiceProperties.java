package io.meshgate.review.product;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How review-service calls product-service.
 *
 * @param baseUrl the service by name; Spring Cloud LoadBalancer resolves the name through
 * the discovery client (simple discovery, per profile)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for the answer once connected; with the connect
 * timeout, the longest a review's creation waits on product-service
 * @param circuitBreaker when to stop calling a failing product-service for a while
 */
@Validated
@ConfigurationProperties("meshgate.product-service")
record ProductServiceProperties(@DefaultValue("http://product-service") @NotNull URI baseUrl,
		@DefaultValue("1s") @NotNull Duration connectTimeout, @DefaultValue("2s") @NotNull Duration readTimeout,
		@DefaultValue @NotNull @Valid CircuitBreaker circuitBreaker) {

	/**
	 * Resilience4j's count-based circuit breaker.
	 *
	 * @param slidingWindowSize how many recent calls decide
	 * @param minimumNumberOfCalls how many calls the window needs before it decides
	 * @param failureRateThreshold the failure percentage that opens the circuit
	 * @param waitDurationInOpenState how long an open circuit refuses calls before it
	 * lets a few through to probe; also the {@code Retry-After} of a 503
	 */
	record CircuitBreaker(@DefaultValue("10") @Min(1) int slidingWindowSize,
			@DefaultValue("5") @Min(1) int minimumNumberOfCalls,
			@DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
			@DefaultValue("10s") @NotNull Duration waitDurationInOpenState) {

	}

}
