package io.meshgate.storefront.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An upstream service (product-, review- or member-service) as a real HTTP server on a
 * loopback port: it answers from a handler the test sets, records every request it
 * receives, and can be made to fail or to hang.
 */
public final class UpstreamStandIn {

	private final String name;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private volatile Function<Request, Response> handler = (request) -> Response.notFound();

	private volatile CountDownLatch hanging = new CountDownLatch(0);

	private UpstreamStandIn(String name) {
		this.name = name;
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the " + name + " stand-in", ex);
		}
		this.server.createContext("/", this::handle);
		// Several threads: a hanging request must not hold up the next one.
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	static UpstreamStandIn start(String name) {
		return new UpstreamStandIn(name);
	}

	public String name() {
		return this.name;
	}

	public String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Answers every request with the handler's response, and forgets past requests. */
	public void serve(Function<Request, Response> handler) {
		release();
		this.requests.clear();
		this.handler = handler;
	}

	/**
	 * Answers every request with this status and a problem body, as a failing service.
	 */
	public void failWith(int status) {
		this.handler = (request) -> new Response(status, """
				{"type":"about:blank","title":"Failing","status":%d}""".formatted(status));
	}

	/**
	 * Accepts requests and does not answer them (until the next {@link #serve}), as a
	 * service stuck on its database.
	 */
	public void hang() {
		this.hanging = new CountDownLatch(1);
	}

	/** Every request received since the last {@link #serve}. */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	private void release() {
		this.hanging.countDown();
	}

	private void handle(HttpExchange exchange) throws IOException {
		Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				query(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders().getFirst("Authorization"));
		this.requests.add(request);
		try {
			if (!this.hanging.await(30, TimeUnit.SECONDS)) {
				exchange.close();
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			exchange.close();
			return;
		}
		Response response = this.handler.apply(request);
		byte[] body = response.json().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders()
			.set("Content-Type", (response.status() < 400) ? "application/json" : "application/problem+json");
		exchange.sendResponseHeaders(response.status(), body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static Map<String, String> query(String rawQuery) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (rawQuery != null) {
			for (String pair : rawQuery.split("&")) {
				String[] parts = pair.split("=", 2);
				parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
						(parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
			}
		}
		return parameters;
	}

	/**
	 * A request as the stand-in received it.
	 *
	 * @param method the HTTP method
	 * @param path the path, without the query
	 * @param query the query parameters, decoded
	 * @param authorization the {@code Authorization} header, or {@code null}
	 */
	public record Request(String method, String path, Map<String, String> query, String authorization) {

	}

	/**
	 * What the stand-in answers.
	 *
	 * @param status the HTTP status
	 * @param json the body
	 */
	public record Response(int status, String json) {

		public static Response ok(String json) {
			return new Response(200, json);
		}

		public static Response notFound() {
			return new Response(404, """
					{"type":"about:blank","title":"Not Found","status":404}""");
		}

	}

}
