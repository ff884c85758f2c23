package io.meshgate.service.support.problem;

import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details for every error a domain service answers, from its controllers
 * and from its security chain alike.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
public class ProblemDetailsAutoConfiguration {

	@Bean
	ProblemDecorator problemDecorator(ObjectProvider<Tracer> tracer) {
		return new ProblemDecorator(tracer);
	}

	/**
	 * Ordered before WebMvcAutoConfiguration so that Boot's own problem-details handler
	 * ({@code spring.mvc.problemdetails.enabled}) backs off: there is one path for
	 * errors.
	 */
	@Bean
	ProblemDetailsAdvice problemDetailsAdvice(ProblemDecorator decorator) {
		return new ProblemDetailsAdvice(decorator);
	}

	@Bean
	ProblemSecurityHandlers problemSecurityHandlers(JsonMapper json, ProblemDecorator decorator) {
		return new ProblemSecurityHandlers(json, decorator);
	}

}
