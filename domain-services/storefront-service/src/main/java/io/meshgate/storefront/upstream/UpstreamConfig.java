package io.meshgate.storefront.upstream;

import io.meshgate.service.support.eastwest.EastWestClients;

import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UpstreamConfig {

	@Bean
	Upstreams upstreams(EastWestClients eastWest, UpstreamProperties timeouts, CircuitBreakerFactory<?, ?> breakers) {
		return new Upstreams(eastWest, timeouts, breakers);
	}

}
