package io.meshgate.review.reviews;

import io.meshgate.service.support.security.ApiAuthorizationRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Reviews are public to read (CONTRACTS: {@code GET /api/reviews/**} needs no token);
 * writing one needs no more than the valid token service-support already requires.
 */
@Configuration(proxyBeanMethods = false)
class ReviewAuthorizationConfig {

	@Bean
	ApiAuthorizationRules publicReviewReads() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/reviews", "/reviews/**").permitAll();
	}

}
