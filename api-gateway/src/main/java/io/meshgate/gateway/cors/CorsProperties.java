package io.meshgate.gateway.cors;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for every route, owned by the gateway alone (docs/adr): services and Istio
 * VirtualServices carry none. An empty origin list, the default, allows no cross-origin
 * caller.
 *
 * @param allowedOrigins exact origins such as {@code https://app.example.com}; no
 * {@code *}, because credentials are allowed
 */
@Validated
@ConfigurationProperties("meshgate.gateway.cors")
public record CorsProperties(@NotNull List<String> allowedOrigins, @NotNull List<String> allowedMethods,
		@NotNull List<String> allowedHeaders, @NotNull List<String> exposedHeaders, boolean allowCredentials,
		@NotNull Duration maxAge) {

	@AssertTrue(message = "allowed-origins must name exact origins, not *")
	boolean isWithoutWildcard() {
		return this.allowedOrigins == null || this.allowedOrigins.stream().noneMatch((origin) -> origin.contains("*"));
	}

	public CorsConfigurationSource toConfigurationSource() {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(this.allowedOrigins);
		configuration.setAllowedMethods(this.allowedMethods);
		configuration.setAllowedHeaders(this.allowedHeaders);
		configuration.setExposedHeaders(this.exposedHeaders);
		configuration.setAllowCredentials(this.allowCredentials);
		configuration.setMaxAge(this.maxAge);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration);
		return source;
	}

}
