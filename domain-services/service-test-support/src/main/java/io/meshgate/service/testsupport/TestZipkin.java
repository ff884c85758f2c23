package io.meshgate.service.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Zipkin collector endpoint on loopback ({@code POST /api/v2/spans}, JSON v2, gzip or
 * not) that keeps every span it receives, for tests that follow a trace.
 */
public final class TestZipkin implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<JsonNode> spans = new CopyOnWriteArrayList<>();

	private TestZipkin(HttpServer server) {
		this.server = server;
	}

	public static TestZipkin start() {
		try {
			TestZipkin zipkin = new TestZipkin(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
			zipkin.server.createContext("/api/v2/spans", (exchange) -> {
				InputStream body = exchange.getRequestBody();
				if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
					body = new GZIPInputStream(body);
				}
				JSON.readTree(body).valueStream().forEach(zipkin.spans::add);
				exchange.sendResponseHeaders(202, -1);
				exchange.close();
			});
			zipkin.server.start();
			return zipkin;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where senders post their spans. */
	public String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/api/v2/spans";
	}

	/** Every span received so far with this trace id. */
	public List<JsonNode> spansOf(String traceId) {
		return this.spans.stream().filter((span) -> traceId.equals(span.path("traceId").asString(""))).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
