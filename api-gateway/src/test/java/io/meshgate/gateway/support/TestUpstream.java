package io.meshgate.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A service behind the gateway over real HTTP. It records what reaches it and answers by
 * path: {@code .../slow} after 3 s, {@code /cors} with its own (wrong) CORS headers,
 * anything else at once. By query: {@code ?created} answers 201 with a {@code Location}
 * below its own path ({@code /products} names {@code /products/42}), as the services do;
 * {@code ?redirect=<location>} answers 302 to that location, as auth-service does.
 */
public final class TestUpstream {

	private static final String REDIRECT = "redirect=";

	private static final TestUpstream INSTANCE = new TestUpstream();

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private TestUpstream() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public static TestUpstream instance() {
		return INSTANCE;
	}

	public String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Requests received so far, oldest first. */
	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/** The last request that reached the service with this path. */
	public Received lastTo(String path) {
		return this.received.stream()
			.filter((request) -> request.path().equals(path))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("Nothing reached the service at " + path));
	}

	private void handle(HttpExchange exchange) throws IOException {
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
		byte[] requestBody = exchange.getRequestBody().readAllBytes();
		String path = exchange.getRequestURI().getRawPath();
		this.received.add(new Received(exchange.getRequestMethod(), path, headers, requestBody.length));
		if (path.endsWith("/slow")) {
			sleep(3000);
		}
		if (path.equals("/cors")) {
			exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
			exchange.getResponseHeaders().add("Access-Control-Allow-Credentials", "true");
			exchange.getResponseHeaders().add("Vary", "Accept-Encoding");
		}
		int status = statusAndLocation(exchange, path);
		exchange.getResponseHeaders().add("Server", "upstream/1.0");
		exchange.getResponseHeaders().add("X-Powered-By", "test");
		byte[] body = ("{\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static int statusAndLocation(HttpExchange exchange, String path) {
		String query = exchange.getRequestURI().getQuery();
		if ("created".equals(query)) {
			exchange.getResponseHeaders().set("Location", path + "/42");
			return 201;
		}
		if (query != null && query.startsWith(REDIRECT)) {
			exchange.getResponseHeaders().set("Location", query.substring(REDIRECT.length()));
			return 302;
		}
		return 200;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** What the service saw of one request. */
	public record Received(String method, String path, Map<String, String> headers, int bodyLength) {

	}

}
