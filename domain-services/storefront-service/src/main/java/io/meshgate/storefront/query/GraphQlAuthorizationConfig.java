package io.meshgate.storefront.query;

import io.meshgate.service.support.security.ApiAuthorizationRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The storefront is public: a token is optional, and relayed to the upstreams when sent.
 * An invalid token is still refused with 401 by the resource server before GraphQL sees
 * the request. {@code /graphiql} answers 404 unless the local profile enables it.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlAuthorizationConfig {

	@Bean
	ApiAuthorizationRules publicGraphQl() {
		return (requests) -> requests.requestMatchers("/graphql", "/graphiql").permitAll();
	}

}
