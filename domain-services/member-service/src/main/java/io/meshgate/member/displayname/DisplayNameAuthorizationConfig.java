package io.meshgate.member.displayname;

import io.meshgate.service.support.security.ApiAuthorizationRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Display names are public: they appear on reviews anyone can read. Who may call this
 * service at all is the mesh's business (only api-gateway and storefront-service).
 */
@Configuration(proxyBeanMethods = false)
class DisplayNameAuthorizationConfig {

	@Bean
	ApiAuthorizationRules publicDisplayNames() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/display-names").permitAll();
	}

}
