package io.meshgate.review.product;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.meshgate.service.support.eastwest.EastWestClients;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The client for product-service: by service name, instrumented and with the timeouts of
 * {@link ProductServiceProperties} ({@link EastWestClients}), behind a circuit breaker
 * configured from the same properties.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProductServiceProperties.class)
class ProductServiceClientConfig {

	@Bean
	ProductCatalog productCatalog(EastWestClients eastWest, CircuitBreakerFactory<?, ?> circuitBreakers,
			ProductServiceProperties properties) {
		RestClient client = eastWest.forService(properties.baseUrl(), properties.connectTimeout(),
				properties.readTimeout());
		return new ProductCatalog(client, circuitBreakers.create(ProductCatalog.CIRCUIT_BREAKER), properties);
	}

	@Bean
	Customizer<Resilience4JCircuitBreakerFactory> productServiceCircuitBreaker(ProductServiceProperties properties) {
		ProductServiceProperties.CircuitBreaker circuit = properties.circuitBreaker();
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.slidingWindowType(SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(circuit.slidingWindowSize())
			.minimumNumberOfCalls(circuit.minimumNumberOfCalls())
			.failureRateThreshold(circuit.failureRateThreshold())
			.waitDurationInOpenState(circuit.waitDurationInOpenState())
			.build();
		return (factory) -> factory.configure((builder) -> builder.circuitBreakerConfig(config),
				ProductCatalog.CIRCUIT_BREAKER);
	}

}
