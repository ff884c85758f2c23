package io.meshgate.service.support.eastwest;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * {@link EastWestClients} for the services that call others by name, i.e. that have
 * Spring Cloud LoadBalancer and Boot's RestClient support on their class path.
 */
@AutoConfiguration(after = RestClientAutoConfiguration.class)
@ConditionalOnClass({ LoadBalanced.class, LoadBalancerClients.class, RestClientBuilderConfigurer.class })
@LoadBalancerClients(defaultConfiguration = ConfiguredInstances.class)
public class EastWestClientAutoConfiguration {

	/**
	 * Not a default candidate: only injection points that ask for {@code @LoadBalanced}
	 * get it, and Boot's own {@code RestClient.Builder} stays in place for every other
	 * client (review-service's outbox relay calls a plain URL, which is no service name).
	 */
	@Bean(defaultCandidate = false)
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder(RestClientBuilderConfigurer configurer) {
		return configurer.configure(RestClient.builder());
	}

	@Bean
	EastWestClients eastWestClients(@LoadBalanced RestClient.Builder loadBalanced) {
		return new EastWestClients(loadBalanced);
	}

}
