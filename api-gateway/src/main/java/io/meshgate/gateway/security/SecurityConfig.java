package io.meshgate.gateway.security;

import io.meshgate.gateway.accesslog.UserId;
import io.meshgate.gateway.cors.CorsProperties;
import io.meshgate.gateway.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Who may pass: public paths need no token, everything else a valid one, and some
 * requests a scope. Stateless (no session, no saved request): every request stands on its
 * own token. CORS preflights are answered here, before authentication, and never reach a
 * service.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	/**
	 * The actuator, on the management port only: never routed by the gateway nor exposed
	 * by the ingress, reachable by the kubelet's probes and by Prometheus.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain managementSecurityWebFilterChain(ServerHttpSecurity http) {
		return http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.build();
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, GatewaySecurityProperties security,
			ReactiveJwtDecoder jwtDecoder, CorsProperties cors, Problems problems) {
		ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			return problems.write(exchange, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
		};
		ServerAccessDeniedHandler forbidden = (exchange, ex) -> problems.write(exchange, HttpStatus.FORBIDDEN,
				"The token does not allow this request.");
		http.authorizeExchange((exchanges) -> authorize(exchanges, security))
			.addFilterAfter(SecurityConfig::recordUserId, SecurityWebFiltersOrder.AUTHENTICATION)
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> jwt.jwtDecoder(jwtDecoder))
				.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.cors((corsSpec) -> corsSpec.configurationSource(cors.toConfigurationSource()))
			// Bearer tokens cannot be forged cross-site; auth-service protects its own
			// form.
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.headers((headers) -> headers
				// Services decide how their responses are cached (ETags, public
				// catalogue).
				.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable)
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	/**
	 * Keeps the token's subject for the access log, which runs after the security chain.
	 */
	private static Mono<Void> recordUserId(ServerWebExchange exchange, WebFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(JwtAuthenticationToken.class::isInstance)
			.doOnNext((authentication) -> exchange.getAttributes().put(UserId.ATTRIBUTE, authentication.getName()))
			.then(Mono.defer(() -> chain.filter(exchange)));
	}

	private static void authorize(AuthorizeExchangeSpec exchanges, GatewaySecurityProperties security) {
		security.publicPaths().forEach((rule) -> {
			if (rule.methods().isEmpty()) {
				exchanges.pathMatchers(rule.path()).permitAll();
			}
			else {
				rule.methods().forEach((method) -> exchanges.pathMatchers(method, rule.path()).permitAll());
			}
		});
		security.scopes().forEach((rule) -> {
			String authority = "SCOPE_" + rule.scope();
			if (rule.methods().isEmpty()) {
				exchanges.pathMatchers(rule.path()).hasAuthority(authority);
			}
			else {
				rule.methods().forEach((method) -> exchanges.pathMatchers(method, rule.path()).hasAuthority(authority));
			}
		});
		exchanges.anyExchange().authenticated();
	}

}
