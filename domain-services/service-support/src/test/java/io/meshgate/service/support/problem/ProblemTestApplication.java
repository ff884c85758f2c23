package io.meshgate.service.support.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import io.meshgate.service.support.security.ApiAuthorizationRules;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A service as small as can be, using nothing but service-support. */
@SpringBootApplication
@EnableMethodSecurity
public class ProblemTestApplication {

	@Bean
	ApiAuthorizationRules adminsOnly() {
		return (requests) -> requests.requestMatchers("/admin").hasRole("ADMIN");
	}

	@RestController
	static class TestController {

		@PostMapping("/things")
		Thing create(@Valid @RequestBody Thing thing) {
			return thing;
		}

		@GetMapping("/things/{name}")
		Thing thing(@PathVariable String name) {
			throw Problems.of(HttpStatus.NOT_FOUND, "thing-not-found", "Thing not found", "There is no such thing.");
		}

		@GetMapping("/failure")
		String failure() {
			throw new IllegalStateException("SELECT secret FROM accounts");
		}

		@GetMapping("/admin")
		String admin() {
			return "admin";
		}

		@GetMapping("/method-secured")
		@PreAuthorize("hasRole('ADMIN')")
		String methodSecured() {
			return "secret";
		}

	}

	record Thing(@NotBlank String name) {

	}

}
