package io.meshgate.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

/**
 * A JWKS endpoint over real HTTP that counts its fetches and can be taken down (503),
 * standing in for auth-service's {@code /oauth2/jwks}.
 */
public final class TestJwks {

	private static final TestJwks INSTANCE = new TestJwks();

	private final HttpServer server;

	private final List<RSAKey> published = new CopyOnWriteArrayList<>();

	private final AtomicInteger fetches = new AtomicInteger();

	private final AtomicBoolean down = new AtomicBoolean();

	private TestJwks() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
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
		this.published.add(newKey());
	}

	public static TestJwks instance() {
		return INSTANCE;
	}

	public String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/oauth2/jwks";
	}

	/** The key auth-service signs with now. */
	public RSAKey signingKey() {
		return this.published.get(0);
	}

	/** Publishes another key, as auth-service does ahead of a rotation. */
	public RSAKey publish(RSAKey key) {
		this.published.add(key);
		return key;
	}

	public int fetches() {
		return this.fetches.get();
	}

	public void setDown(boolean down) {
		this.down.set(down);
	}

	/** A key that is not published: tokens it signs have an unknown kid. */
	public static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(java.util.UUID.randomUUID().toString())
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
