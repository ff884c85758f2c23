package io.meshgate.service.support.eastwest;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The load balancer's configuration for every service called by name: its instances as
 * configured (simple discovery: loopback ports locally, the Service's DNS name in
 * Kubernetes), read on every call. They are a map lookup, so the load balancer's cache
 * would only add a stale copy (and a warning that no cache is configured). Not a
 * {@code @Configuration}: Spring Cloud applies it in each called service's own child
 * context.
 */
class ConfiguredInstances {

	@Bean
	ServiceInstanceListSupplier serviceInstanceListSupplier(ConfigurableApplicationContext context) {
		return ServiceInstanceListSupplier.builder().withBlockingDiscoveryClient().build(context);
	}

}
