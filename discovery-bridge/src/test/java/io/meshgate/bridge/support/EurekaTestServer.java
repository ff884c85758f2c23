package io.meshgate.bridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.netflix.eureka.server.EnableEurekaServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Spring Cloud Netflix Eureka server in the test JVM, on a loopback port that
 * stays the same across {@link #stop()} and {@link #start()}, as a restarted server
 * would. Its registry is in memory: a restart forgets every instance, as in production.
 * Tuned for quick tests: no self-preservation, eviction every second, no read-only
 * response cache (reads see writes at once).
 */
public final class EurekaTestServer implements AutoCloseable {

	private static EurekaTestServer shared;

	private final int port;

	private ConfigurableApplicationContext context;

	public EurekaTestServer() {
		this.port = freePort();
	}

	/**
	 * One server for every test class that never stops it: a Spring Boot start costs
	 * seconds. Each test uses application names of its own.
	 */
	public static synchronized EurekaTestServer shared() {
		if (shared == null) {
			shared = new EurekaTestServer().start();
		}
		return shared;
	}

	public EurekaTestServer start() {
		this.context = new SpringApplicationBuilder(EurekaServer.class).web(WebApplicationType.SERVLET)
			// Not the operator's application.yaml, which is on the same class path.
			.properties("spring.config.name=eureka-test-server", "server.port=" + this.port, "server.address=127.0.0.1",
					"spring.application.name=eureka", "spring.main.banner-mode=off",
					"eureka.client.register-with-eureka=false", "eureka.client.fetch-registry=false",
					// Its own URL as the only peer: nothing to replicate to.
					"eureka.instance.hostname=127.0.0.1",
					"eureka.client.service-url.defaultZone=http://127.0.0.1:" + this.port + "/eureka/",
					"eureka.server.enable-self-preservation=false", "eureka.server.eviction-interval-timer-in-ms=1000",
					"eureka.server.use-read-only-response-cache=false",
					"eureka.server.wait-time-in-ms-when-sync-empty=0", "eureka.server.registry-sync-retries=0",
					"eureka.dashboard.enabled=false", "logging.level.com.netflix=WARN",
					"logging.level.org.springframework=WARN")
			.run();
		return this;
	}

	public boolean isRunning() {
		return this.context != null;
	}

	public void stop() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

	/** The base URL, as a syncer's {@code spec.eurekaUrls} names it. */
	public URI url() {
		return URI.create("http://127.0.0.1:" + this.port + "/eureka");
	}

	@Override
	public void close() {
		stop();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@EnableAutoConfiguration
	@EnableEurekaServer
	static class EurekaServer {

	}

}
