package io.meshgate.gateway.filtering;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.meshgate.gateway.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriUtils;

/**
 * Refuses request targets that mean different things to different parsers, before any
 * routing or security decision is made on them: encoded slashes and backslashes, dot
 * segments (also percent- or double-encoded), path parameters, control characters; and
 * the TRACE and CONNECT methods. Oversized header blocks get 431. A route could otherwise
 * be matched on one reading of the path while a service acts on another
 * ({@code /api/members/..%2F..%2Factuator}).
 */
@Component
class RequestHygieneWebFilter implements WebFilter, Ordered {

	/** After the access log, request id and client address, before security. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

	private static final Set<HttpMethod> REFUSED_METHODS = Set.of(HttpMethod.TRACE, HttpMethod.valueOf("CONNECT"));

	private static final Pattern ENCODED_SEPARATOR = Pattern.compile("%(2f|5c)", Pattern.CASE_INSENSITIVE);

	private static final Pattern ENCODED_CONTROL = Pattern.compile("%([01][0-9a-f]|7f)", Pattern.CASE_INSENSITIVE);

	/** Enough rounds to unwrap double encoding and one more. */
	private static final int DECODING_ROUNDS = 3;

	private final Problems problems;

	private final long maxHeaderBytes;

	RequestHygieneWebFilter(Problems problems, FilteringProperties properties) {
		this.problems = problems;
		this.maxHeaderBytes = properties.maxHeaderSize().toBytes();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (REFUSED_METHODS.contains(exchange.getRequest().getMethod())) {
			exchange.getResponse()
				.getHeaders()
				.setAllow(Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
						HttpMethod.DELETE, HttpMethod.OPTIONS));
			return this.problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "This method is not allowed.");
		}
		if (headerBytes(exchange.getRequest().getHeaders()) > this.maxHeaderBytes) {
			return this.problems.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
					"The request headers are too large.");
		}
		String violation = violation(exchange.getRequest().getURI().getRawPath());
		if (violation != null) {
			return this.problems.write(exchange, HttpStatus.BAD_REQUEST, "The request path " + violation + ".");
		}
		return chain.filter(exchange);
	}

	/** The size of the header block as sent: each {@code name: value\r\n}. */
	private static long headerBytes(HttpHeaders headers) {
		long[] bytes = { 0 };
		headers.forEach((name, values) -> values
			.forEach((value) -> bytes[0] += name.length() + value.length() + ": \r\n".length()));
		return bytes[0];
	}

	/** Why the raw path is refused, or null if it is acceptable. */
	static String violation(String rawPath) {
		if (rawPath.indexOf('\\') >= 0 || ENCODED_SEPARATOR.matcher(rawPath).find()) {
			return "contains an encoded slash or a backslash";
		}
		if (rawPath.indexOf(';') >= 0 || rawPath.toLowerCase(Locale.ROOT).contains("%3b")) {
			return "contains path parameters";
		}
		String path = rawPath;
		for (int round = 0; round <= DECODING_ROUNDS; round++) {
			if (hasControlCharacter(path) || ENCODED_CONTROL.matcher(path).find()) {
				return "contains control characters";
			}
			if (hasDotSegment(path)) {
				return "contains dot segments";
			}
			if (ENCODED_SEPARATOR.matcher(path).find() || path.indexOf('\\') >= 0) {
				return "contains an encoded slash or a backslash";
			}
			String decoded = decode(path);
			if (decoded == null) {
				return "is not valid percent-encoding";
			}
			if (decoded.equals(path)) {
				return null;
			}
			path = decoded;
		}
		return "is encoded more than twice";
	}

	private static boolean hasDotSegment(String path) {
		for (String segment : path.split("/", -1)) {
			if (segment.equals("..") || segment.equals(".")) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasControlCharacter(String path) {
		return path.chars().anyMatch((c) -> c < 0x20 || c == 0x7f);
	}

	private static String decode(String path) {
		try {
			return UriUtils.decode(path, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
