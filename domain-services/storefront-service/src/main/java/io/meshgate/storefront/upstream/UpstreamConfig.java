package io.meshgate.storefront.upstream;

import java.net.http.HttpClient;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ConfiguredInstances.class)
class UpstreamConfig {

	/**
	 * Boot's builder (message converters, observations that send {@code traceparent}
	 * upstream) with the storefront's timeouts. HTTP/1.1 because the JDK client would
	 * otherwise offer an h2c upgrade on every plain-HTTP request, which the sidecar has
	 * no use for.
	 */
	@Bean
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder(RestClientBuilderConfigurer configurer,
			UpstreamProperties properties) {
		HttpClientSettings timeouts = HttpClientSettings.defaults()
			.withTimeouts(properties.connectTimeout(), properties.readTimeout());
		return configurer.configure(RestClient.builder())
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.withHttpClientCustomizer((client) -> client.version(HttpClient.Version.HTTP_1_1))
				.build(timeouts));
	}

	@Bean
	Upstreams upstreams(@LoadBalanced RestClient.Builder loadBalanced, CircuitBreakerFactory<?, ?> breakers) {
		return new Upstreams(loadBalanced, breakers);
	}

}
