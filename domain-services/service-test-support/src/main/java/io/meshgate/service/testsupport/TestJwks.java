package io.meshgate.service.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * auth-service's {@code /oauth2/jwks} as a real HTTP endpoint on a random loopback port,
 * publishing one RSA key; one per test JVM, since generating keys is slow.
 */
public final class TestJwks {

	/** The issuer test tokens carry and services under test are configured with. */
	public static final String ISSUER = "https://gateway.test.meshgate.io";

	private static TestJwks instance;

	private final RSAKey signingKey = newKey();

	private final List<RSAKey> published = new CopyOnWriteArrayList<>(List.of(this.signingKey));

	private final AtomicInteger fetches = new AtomicInteger();

	private final AtomicBoolean down = new AtomicBoolean();

	private final HttpServer server;

	private TestJwks() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the test JWKS endpoint", ex);
		}
		this.server.createContext("/oauth2/jwks", (exchange) -> {
			this.fetches.incrementAndGet();
			if (this.down.get()) {
				exchange.sendResponseHeaders(503, -1);
				exchange.close();
				return;
			}
			byte[] body = new JWKSet(this.published.stream().map((key) -> (JWK) key.toPublicJWK()).toList()).toString()
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	public static synchronized TestJwks instance() {
		if (instance == null) {
			instance = new TestJwks();
		}
		return instance;
	}

	/** Points a service's token validation ({@code meshgate.security}) at this JWKS. */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("meshgate.security.issuer", () -> ISSUER);
		registry.add("meshgate.security.jwk-set-uri", () -> instance().uri());
	}

	public String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/oauth2/jwks";
	}

	/** The published key, private part included, that signs valid test tokens. */
	public RSAKey signingKey() {
		return this.signingKey;
	}

	/** Publishes another key, as auth-service does ahead of a rotation. */
	public RSAKey publish(RSAKey key) {
		this.published.add(key);
		return key;
	}

	/** How many times the JWKS has been fetched so far. */
	public int fetches() {
		return this.fetches.get();
	}

	/** While down, the endpoint answers 503, as during an auth-service outage. */
	public void setDown(boolean down) {
		this.down.set(down);
	}

	/** A key that is not published: tokens it signs have an unknown {@code kid}. */
	public static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}

}
