package io.meshgate.gateway.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * auth-service's public keys by {@code kid}, fetched without blocking and kept through
 * attacks and outages:
 * <ul>
 * <li>a known {@code kid} never causes a fetch;</li>
 * <li>an unknown {@code kid} causes at most one fetch per {@code unknownKidCooldown},
 * however many requests carry it, and concurrent requests share that fetch;</li>
 * <li>keys are refreshed every {@code refreshInterval} in the background;</li>
 * <li>when a fetch fails, the keys already known keep working for
 * {@code outageTolerance}.</li>
 * </ul>
 * Written here rather than taken from Nimbus's {@code JWKSourceBuilder}: that source
 * fetches with blocking I/O, which would stall the event loop, and its rate limiter
 * admits two fetches per interval where Meshgate promises one.
 */
public class JwksKeyCache implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(JwksKeyCache.class);

	private final WebClient webClient;

	private final String jwkSetUri;

	private final GatewaySecurityProperties.Jwks settings;

	private final Clock clock;

	private final AtomicReference<Keys> keys = new AtomicReference<>(new Keys(Map.of(), Instant.EPOCH));

	private final AtomicReference<Instant> lastUnknownKidFetch = new AtomicReference<>(Instant.EPOCH);

	private final AtomicReference<Mono<Keys>> inFlight = new AtomicReference<>();

	private final Counter fetchFailures;

	private final Counter fetches;

	private final Disposable refresher;

	public JwksKeyCache(WebClient webClient, String jwkSetUri, GatewaySecurityProperties.Jwks settings, Clock clock,
			MeterRegistry meters) {
		this.webClient = webClient;
		this.jwkSetUri = jwkSetUri;
		this.settings = settings;
		this.clock = clock;
		this.fetches = Counter.builder("meshgate.gateway.jwks.fetches").tag("outcome", "success").register(meters);
		this.fetchFailures = Counter.builder("meshgate.gateway.jwks.fetches")
			.tag("outcome", "failure")
			.register(meters);
		// The first fetch happens in the background: the gateway starts and serves public
		// routes while auth-service is down.
		this.refresher = Flux.interval(Duration.ZERO, settings.refreshInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> fetch().onErrorResume((ex) -> Mono.empty()))
			.subscribe();
	}

	/** The key with this id, or empty if auth-service does not publish it. */
	public Mono<JWK> key(String kid) {
		JWK known = current().get(kid);
		if (known != null) {
			return Mono.just(known);
		}
		Instant now = this.clock.instant();
		Instant last = this.lastUnknownKidFetch.get();
		boolean cooledDown = !last.plus(this.settings.unknownKidCooldown()).isAfter(now);
		if (!cooledDown || !this.lastUnknownKidFetch.compareAndSet(last, now)) {
			return Mono.empty();
		}
		return fetch().onErrorResume((ex) -> Mono.empty()).mapNotNull((fetched) -> fetched.byKid().get(kid));
	}

	private Map<String, JWK> current() {
		Keys snapshot = this.keys.get();
		boolean stale = snapshot.fetchedAt()
			.plus(this.settings.refreshInterval())
			.plus(this.settings.outageTolerance())
			.isBefore(this.clock.instant());
		return stale ? Map.of() : snapshot.byKid();
	}

	/** One fetch at a time; callers arriving meanwhile share its result. */
	private Mono<Keys> fetch() {
		Mono<Keys> running = this.inFlight.get();
		if (running != null) {
			return running;
		}
		Mono<Keys> fetch = this.webClient.get()
			.uri(this.jwkSetUri)
			.retrieve()
			.bodyToMono(String.class)
			.timeout(this.settings.timeout())
			.map(this::parse)
			.doOnNext((fetched) -> {
				this.keys.set(fetched);
				this.fetches.increment();
			})
			.doOnError((ex) -> {
				this.fetchFailures.increment();
				logger.warn("Fetching the JWKS from {} failed: {}", this.jwkSetUri, ex.toString());
			})
			.doFinally((signal) -> this.inFlight.set(null))
			.cache();
		if (this.inFlight.compareAndSet(null, fetch)) {
			return fetch;
		}
		Mono<Keys> other = this.inFlight.get();
		// null: the other fetch finished in between, so the keys are fresh.
		return (other != null) ? other : Mono.fromSupplier(this.keys::get);
	}

	private Keys parse(String body) {
		try {
			Map<String, JWK> byKid = JWKSet.parse(body)
				.getKeys()
				.stream()
				.filter((jwk) -> jwk.getKeyID() != null)
				.collect(Collectors.toUnmodifiableMap(JWK::getKeyID, Function.identity(), (first, second) -> first));
			return new Keys(byKid, this.clock.instant());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The JWKS is not a valid JWK set", ex);
		}
	}

	@Override
	public void destroy() {
		this.refresher.dispose();
	}

	private record Keys(Map<String, JWK> byKid, Instant fetchedAt) {

	}

}
