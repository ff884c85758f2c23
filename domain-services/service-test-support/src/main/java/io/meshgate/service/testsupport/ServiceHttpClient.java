package io.meshgate.service.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service under test as its callers reach it, over real HTTP on loopback: the
 * application port with or without a bearer token, and the management port. Every request
 * has a timeout, so a hanging service fails the test instead of stalling the build.
 * Tokens, {@code If-Match} and bodies are left out where the argument is {@code null}, to
 * show what the service answers without them.
 */
public final class ServiceHttpClient {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http;

	private final int port;

	private final int managementPort;

	private final Duration timeout;

	private final Map<String, String> headers;

	/** A client of the service listening on these loopback ports. */
	public ServiceHttpClient(int port, int managementPort) {
		this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), port, managementPort,
				DEFAULT_TIMEOUT, Map.of());
	}

	private ServiceHttpClient(HttpClient http, int port, int managementPort, Duration timeout,
			Map<String, String> headers) {
		this.http = http;
		this.port = port;
		this.managementPort = managementPort;
		this.timeout = timeout;
		this.headers = headers;
	}

	/** The same client, waiting this long for each answer (10 s unless set). */
	public ServiceHttpClient withTimeout(Duration timeout) {
		return new ServiceHttpClient(this.http, this.port, this.managementPort, timeout, this.headers);
	}

	/**
	 * The same client, sending this header with every request, e.g. a {@code traceparent}
	 * to continue or an {@code Authorization} that is no bearer token.
	 */
	public ServiceHttpClient withHeader(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		return new ServiceHttpClient(this.http, this.port, this.managementPort, this.timeout, Map.copyOf(headers));
	}

	public HttpResponse<String> get(String path) {
		return get(path, null);
	}

	public HttpResponse<String> get(String path, String token) {
		return send(request(this.port, path, token).GET());
	}

	public HttpResponse<String> head(String path) {
		return send(request(this.port, path, null).method("HEAD", BodyPublishers.noBody()));
	}

	/** A GET on the management port, without a token, as probes and scrapers send it. */
	public HttpResponse<String> getManagement(String path) {
		return send(request(this.managementPort, path, null).GET());
	}

	/** A POST with a JSON body. */
	public HttpResponse<String> post(String path, String token, String json) {
		return send(jsonRequest(path, token).POST(BodyPublishers.ofString(json)));
	}

	/**
	 * A POST with exactly these headers besides the client's own, no {@code Content-Type}
	 * implied, and this body (none when {@code null}): what a caller that is no JSON API
	 * client sends, such as a broker delivering a CloudEvent in binary mode, whose
	 * attributes are headers and whose data may be anything or missing.
	 */
	public HttpResponse<String> postRaw(String path, Map<String, String> headers, String body) {
		HttpRequest.Builder request = request(this.port, path, null);
		headers.forEach(request::header);
		return send(request.POST((body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody()));
	}

	/** A PUT with a JSON body, stating the version it was read at in {@code If-Match}. */
	public HttpResponse<String> put(String path, String token, String ifMatch, String json) {
		return send(withIfMatch(jsonRequest(path, token), ifMatch).PUT(BodyPublishers.ofString(json)));
	}

	/** A DELETE, stating the version it was read at in {@code If-Match}. */
	public HttpResponse<String> delete(String path, String token, String ifMatch) {
		return send(withIfMatch(request(this.port, path, token), ifMatch).DELETE());
	}

	/** The body of a response, as JSON. */
	public static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body());
	}

	/** The {@code ETag} of a response, which must have one. */
	public static String entityTag(HttpResponse<String> response) {
		return response.headers().firstValue("ETag").orElseThrow();
	}

	private HttpRequest.Builder jsonRequest(String path, String token) {
		return request(this.port, path, token).header("Content-Type", "application/json");
	}

	private HttpRequest.Builder request(int port, String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(this.timeout);
		this.headers.forEach(request::header);
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

	private static HttpRequest.Builder withIfMatch(HttpRequest.Builder request, String ifMatch) {
		return (ifMatch != null) ? request.header("If-Match", ifMatch) : request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return Exchanges.send(this.http, request.build());
	}

}
