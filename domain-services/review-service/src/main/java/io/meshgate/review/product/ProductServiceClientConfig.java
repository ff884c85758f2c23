package io.meshgate.review.product;

import java.net.http.HttpClient;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The client for product-service: a load-balanced, instrumented RestClient (so the call
 * joins the request's trace) and a circuit breaker configured from
 * {@link ProductServiceProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProductServiceProperties.class)
class ProductServiceClientConfig {

	/**
	 * Not a default candidate: only injection points that ask for {@code @LoadBalanced}
	 * get it, and Boot's own {@code RestClient.Builder} stays in place for every other
	 * client (the outbox relay calls a plain URL, which is no service name). Built by
	 * Boot's configurer, so it carries the observation customizer and the JSON
	 * converters.
	 */
	@Bean(defaultCandidate = false)
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder(RestClientBuilderConfigurer configurer) {
		return configurer.configure(RestClient.builder());
	}

	@Bean
	ProductCatalog productCatalog(@LoadBalanced RestClient.Builder builder, CircuitBreakerFactory<?, ?> circuitBreakers,
			ProductServiceProperties properties) {
		// HTTP/1.1: plain HTTP to the local sidecar, which chooses the protocol to the
		// peer; the JDK client would otherwise try an h2c upgrade on every connection.
		// The JDK client's read timeout bounds the whole wait for the answer.
		HttpClientSettings timeouts = HttpClientSettings.defaults()
			.withTimeouts(properties.connectTimeout(), properties.readTimeout());
		RestClient client = builder.baseUrl(properties.baseUrl().toString())
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.withHttpClientCustomizer((http) -> http.version(HttpClient.Version.HTTP_1_1))
				.build(timeouts))
			.build();
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
