package io.meshgate.member.profile;

import io.meshgate.service.support.security.ApiAuthorizationRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Only administrators list every member; anything else needs no more than the valid token
 * service-support already requires.
 */
@Configuration(proxyBeanMethods = false)
class ProfileAuthorizationConfig {

	@Bean
	ApiAuthorizationRules memberListingForAdmins() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/").hasRole("ADMIN");
	}

}
