package io.meshgate.review.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The event sink ({@code K_SINK}: the Knative broker in Kubernetes) as a real HTTP server
 * on loopback. It records every delivery attempt with the status it answered, can refuse
 * deliveries (503, or any status, to every event or to the events about one subject) or
 * stop listening, and counts how many deliveries were in flight at once.
 */
public final class EventSinkStandIn {

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private final Map<String, Integer> statusBySubject = new ConcurrentHashMap<>();

	private final int port;

	private HttpServer server;

	private boolean stopped;

	private volatile int status = 202;

	private volatile CountDownLatch overlap = new CountDownLatch(0);

	private EventSinkStandIn() {
		this.server = listen(0);
		this.port = this.server.getAddress().getPort();
	}

	public static EventSinkStandIn start() {
		return new EventSinkStandIn();
	}

	/** Sets {@code K_SINK}, as Knative's SinkBinding does, to this sink. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("K_SINK", () -> "http://127.0.0.1:" + this.port + "/");
	}

	/** Answers 503 to every delivery, as a broker that is not ready. */
	public void refuse() {
		this.status = 503;
	}

	/**
	 * Answers {@code status} to every delivery of an event about {@code subject}, and the
	 * others as before.
	 */
	public void answerAbout(String subject, int status) {
		this.statusBySubject.put(subject, status);
	}

	/** Stops listening: connections are refused. */
	public synchronized void stop() {
		this.server.stop(0);
		this.stopped = true;
	}

	/**
	 * The next delivery waits (at most five seconds) until a second one is in flight at
	 * the same time, so a test can tell concurrent senders from one sender.
	 */
	public void awaitOverlap() {
		this.maxInFlight.set(0);
		this.overlap = new CountDownLatch(2);
	}

	/** The most deliveries in flight at once since {@link #awaitOverlap()}. */
	public int maxInFlight() {
		return this.maxInFlight.get();
	}

	/** Accepts deliveries (202) again, listening on the same port if it was stopped. */
	public synchronized void reset() {
		this.status = 202;
		this.statusBySubject.clear();
		this.overlap.countDown();
		this.overlap.countDown();
		if (this.stopped) {
			this.server = listen(this.port);
			this.stopped = false;
		}
	}

	/** Every delivery attempt of events about these subjects, in arrival order. */
	public List<Delivery> deliveriesAbout(Collection<String> subjects) {
		return this.deliveries.stream().filter((delivery) -> subjects.contains(delivery.header("ce-subject"))).toList();
	}

	/** The deliveries of events about these subjects that the sink accepted. */
	public List<Delivery> acceptedAbout(Collection<String> subjects) {
		return deliveriesAbout(subjects).stream().filter(Delivery::accepted).toList();
	}

	private HttpServer listen(int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
			server.createContext("/", this::handle);
			server.setExecutor(this.executor);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the event sink stand-in", ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		try {
			Map<String, String> headers = new TreeMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			awaitOverlap(this.overlap);
			int answer = this.statusBySubject.getOrDefault(headers.getOrDefault("ce-subject", ""), this.status);
			this.deliveries.add(new Delivery(exchange.getRequestMethod(), Map.copyOf(headers), body, answer));
			exchange.sendResponseHeaders(answer, -1);
			exchange.close();
		}
		finally {
			this.inFlight.decrementAndGet();
		}
	}

	private static void awaitOverlap(CountDownLatch overlap) {
		overlap.countDown();
		try {
			overlap.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * One delivery attempt.
	 *
	 * @param method the HTTP method
	 * @param headers the request headers, names in lower case
	 * @param body the request body
	 * @param status what the sink answered
	 */
	public record Delivery(String method, Map<String, String> headers, String body, int status) {

		public String header(String name) {
			return this.headers.get(name);
		}

		public boolean accepted() {
			return this.status / 100 == 2;
		}

		/** The event's data, a JSON body in binary mode. */
		public JsonNode data() {
			return JsonMapper.shared().readTree(this.body);
		}

	}

}
