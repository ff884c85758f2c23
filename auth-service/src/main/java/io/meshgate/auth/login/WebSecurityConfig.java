package io.meshgate.auth.login;

import io.meshgate.auth.account.AccountRepository;
import io.meshgate.auth.account.AccountUserDetailsService;
import io.meshgate.service.support.problem.ProblemSecurityHandlers;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything that is not an OAuth endpoint: the accounts API, the login page, and the
 * actuator on the management port.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfig {

	/**
	 * The JSON API: stateless, bearer tokens only (a browser session never authenticates
	 * it, so there is nothing for CSRF to forge), 401/403 as problem details.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers(HttpMethod.POST, "/api/accounts")
				.permitAll()
				.anyRequest()
				.authenticated())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	/**
	 * Browsers: the login page with its CSRF token; and the actuator, on the management
	 * port (loopback locally, reachable only by Prometheus and operators in the mesh).
	 */
	@Bean
	@Order(3)
	SecurityFilterChain webSecurityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((authorize) -> authorize.requestMatchers(EndpointRequest.toAnyEndpoint())
			.permitAll()
			.requestMatchers("/login", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(EndpointRequest.toAnyEndpoint()))
			// One generic answer for a wrong password, an unknown e-mail or a disabled
			// account, so the page never tells which accounts exist.
			.formLogin((form) -> form.loginPage("/login")
				.failureHandler((request, response, exception) -> response.sendRedirect(
						(exception instanceof LoginThrottledException) ? "/login?throttled" : "/login?error")));
		return http.build();
	}

	/**
	 * The only authentication provider bean, so the global authentication manager has no
	 * second, unthrottled path to the passwords.
	 */
	@Bean
	AuthenticationProvider loginAuthenticationProvider(AccountRepository accounts, PasswordEncoder passwordEncoder,
			LoginThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new AccountUserDetailsService(accounts));
		passwords.setPasswordEncoder(passwordEncoder);
		return new ThrottledAuthenticationProvider(passwords, throttle);
	}

}
