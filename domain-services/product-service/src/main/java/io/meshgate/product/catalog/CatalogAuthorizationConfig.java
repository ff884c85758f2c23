package io.meshgate.product.catalog;

import io.meshgate.service.support.security.ApiAuthorizationRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The gateway's rules for {@code /api/products/**} once more (CONTRACTS.md): reads (GET
 * and HEAD, as the gateway lets them through) are public, every other method needs scope
 * {@code products.write}.
 */
@Configuration(proxyBeanMethods = false)
class CatalogAuthorizationConfig {

	@Bean
	ApiAuthorizationRules catalogReadsPublicWritesScoped() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/products", "/products/*")
			.permitAll()
			.requestMatchers(HttpMethod.HEAD, "/products", "/products/*")
			.permitAll()
			.requestMatchers("/products", "/products/*")
			.hasAuthority("SCOPE_products.write");
	}

}
