package io.meshgate.service.support.problem;

import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where exceptions of a service's HTTP API become RFC 9457 problem details:
 * field errors for invalid input, the request path as {@code instance}, the trace id, and
 * never a stack trace, class name or SQL. Services throw
 * {@link org.springframework.web.ErrorResponseException}s for their own problems, which
 * end up here too.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private final ProblemDecorator decorator;

	ProblemDetailsAdvice(ProblemDecorator decorator) {
		this.decorator = decorator;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new Problems.FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
			.toList();
		return handleExceptionInternal(ex, Problems.invalidFields(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(ProblemDetailsAdvice::fieldErrors)
			.toList();
		return handleExceptionInternal(ex, Problems.invalidFields(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Method security ({@code @PreAuthorize}) denies inside the controller, where the
	 * security chain's handlers never see it: the same 403 as theirs.
	 */
	@ExceptionHandler
	ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
		return handleExceptionInternal(ex, Problems.forbidden(), new HttpHeaders(), HttpStatus.FORBIDDEN, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleAuthentication(AuthenticationException ex, WebRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return handleExceptionInternal(ex, Problems.unauthorized(), headers, HttpStatus.UNAUTHORIZED, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		logger.error("Unexpected error", ex);
		return handleExceptionInternal(ex, Problems.unexpected(), new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR,
				request);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && request instanceof ServletWebRequest servletRequest) {
			this.decorator.decorate(problem, servletRequest.getRequest().getRequestURI());
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static Stream<Problems.FieldError> fieldErrors(ParameterValidationResult result) {
		String parameter = result.getMethodParameter().getParameterName();
		return result.getResolvableErrors()
			.stream()
			.map((error) -> new Problems.FieldError(parameter, String.valueOf(error.getDefaultMessage())));
	}

}
