package io.meshgate.service.support.problem;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 from the security chain as problem details, like every other error. The 401
 * carries {@code WWW-Authenticate: Bearer} (RFC 6750), with {@code error="invalid_token"}
 * when a token was sent but refused; why it was refused (expired, wrong audience, unknown
 * key) stays in the server, not in the response.
 */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	private final ProblemDecorator decorator;

	ProblemSecurityHandlers(JsonMapper json, ProblemDecorator decorator) {
		this.json = json;
		this.decorator = decorator;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				(exception instanceof InvalidBearerTokenException) ? "Bearer error=\"invalid_token\"" : "Bearer");
		write(request, response, Problems.unauthorized());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		write(request, response, Problems.forbidden());
	}

	private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		this.decorator.decorate(problem, request.getRequestURI());
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
