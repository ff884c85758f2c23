package io.meshgate.review.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * product-service's {@code GET /products/{id}} as a real HTTP server on loopback, with
 * the products a test adds. It can be made to fail, to hang, or to stop listening, and it
 * records what it was asked (path and {@code Authorization}).
 */
public final class ProductServiceStandIn {

	/** How long a hanging stand-in takes to answer, unless the test ends first. */
	private static final long HANG_SECONDS = 10;

	private final Map<UUID, String> products = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final int port;

	private volatile HttpServer server;

	private boolean stopped;

	private volatile Behaviour behaviour = Behaviour.ANSWER;

	private volatile CountDownLatch hanging = new CountDownLatch(1);

	private ProductServiceStandIn() {
		this.server = listen(0);
		this.port = this.server.getAddress().getPort();
	}

	public static ProductServiceStandIn start() {
		return new ProductServiceStandIn();
	}

	/**
	 * Makes the stand-in the one instance of {@code product-service} (simple discovery).
	 */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.product-service[0].uri",
				() -> "http://127.0.0.1:" + this.port);
	}

	public UUID addProduct(String name) {
		UUID id = UUID.randomUUID();
		this.products.put(id, name);
		return id;
	}

	/** Every request so far, oldest first. */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** Answers 500 to every request. */
	public void fail() {
		this.behaviour = Behaviour.FAIL;
	}

	/** Answers only after ten seconds. */
	public void hang() {
		this.behaviour = Behaviour.HANG;
	}

	/** Stops listening: connections are refused. */
	public synchronized void stop() {
		this.server.stop(0);
		this.stopped = true;
	}

	/** Answers normally again, listening on the same port if it was stopped. */
	public synchronized void reset() {
		this.behaviour = Behaviour.ANSWER;
		this.hanging.countDown();
		this.hanging = new CountDownLatch(1);
		if (this.stopped) {
			this.server = listen(this.port);
			this.stopped = false;
		}
	}

	private HttpServer listen(int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
			server.createContext("/products/", this::handle);
			// One thread per exchange: a hanging answer must not hold up the others.
			server.setExecutor(this.executor);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the product-service stand-in", ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		this.requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Authorization")));
		switch (this.behaviour) {
			case FAIL -> respond(exchange, 500, "application/problem+json", "{\"status\":500}");
			case HANG -> {
				awaitHang();
				answer(exchange, path);
			}
			case ANSWER -> answer(exchange, path);
		}
	}

	private void awaitHang() {
		try {
			this.hanging.await(HANG_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void answer(HttpExchange exchange, String path) throws IOException {
		String name = product(path);
		if (name == null) {
			respond(exchange, 404, "application/problem+json",
					"{\"type\":\"https://meshgate.io/problems/product-not-found\",\"status\":404}");
			return;
		}
		// The whole Product of the contract: review-service must ignore what it does not
		// use.
		respond(exchange, 200, "application/json", """
				{"id":"%s","name":"%s","description":"A product","price":12.50,"currency":"EUR","version":0,
				 "createdAt":"%s","updatedAt":"%s"}
				""".formatted(path.substring("/products/".length()), name, Instant.now(), Instant.now()));
	}

	private String product(String path) {
		try {
			return this.products.get(UUID.fromString(path.substring("/products/".length())));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private enum Behaviour {

		ANSWER, FAIL, HANG

	}

	/**
	 * One request the stand-in received.
	 *
	 * @param path the request path
	 * @param authorization its {@code Authorization} header, or {@code null}
	 */
	public record Request(String path, String authorization) {

	}

}
