package io.meshgate.service.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own request rules (a role, a scope, a public path), applied by the
 * auto-configured security chain after the actuator rule and before its closing rule that
 * every other request needs a valid token.
 */
@FunctionalInterface
public interface ApiAuthorizationRules {

	void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

}
