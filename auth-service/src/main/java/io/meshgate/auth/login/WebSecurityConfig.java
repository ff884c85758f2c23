package io.meshgate.auth.login;

import io.meshgate.auth.account.AccountRepository;
import io.meshgate.auth.account.AccountUserDetailsService;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Everything that is not an OAuth endpoint: the login page, sign-up, and the actuator on
 * the management port (bound to loopback locally, reachable only by Prometheus and
 * operators in the mesh).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfig {

	@Bean
	@Order(2)
	SecurityFilterChain defaultSecurityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((authorize) -> authorize.requestMatchers(EndpointRequest.toAnyEndpoint())
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/accounts")
			.permitAll()
			.requestMatchers("/login", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			// The JSON API uses no cookies, so there is nothing for CSRF to forge; the
			// login
			// form keeps its token.
			.csrf((csrf) -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern("/api/**"),
					EndpointRequest.toAnyEndpoint()))
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
