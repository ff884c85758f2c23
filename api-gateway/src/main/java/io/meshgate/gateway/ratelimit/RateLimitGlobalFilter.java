package io.meshgate.gateway.ratelimit;

import java.util.Map;

import io.meshgate.gateway.accesslog.UserId;
import io.meshgate.gateway.forwarding.ClientAddress;
import io.meshgate.gateway.problem.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Rate limits with Spring Cloud Gateway's {@link RedisRateLimiter} (one Redis round trip
 * per request, a token bucket shared by every gateway replica), keyed by the token's
 * {@code sub} when there is one, else by the client address. Its own
 * {@code RequestRateLimiter} filter is not used because it answers 429 with an empty
 * body; here the answer is problem details with {@code Retry-After} and the
 * {@code RateLimit-*} headers, which allowed responses carry too.
 * <p>
 * When Redis is unreachable the limiter lets requests through (rate limiting is a
 * safeguard, not a reason to fail every request); each such request is counted in
 * {@code meshgate.gateway.ratelimit.unavailable} and the limiter logs the error.
 */
@Component
class RateLimitGlobalFilter implements GlobalFilter, Ordered {

	static final String REPLENISH_RATE = "rate-limit-replenish-rate";

	static final String BURST_CAPACITY = "rate-limit-burst-capacity";

	static final String REQUESTED_TOKENS = "rate-limit-requested-tokens";

	/**
	 * After the route limits (no tokens spent on requests refused anyway), before
	 * routing.
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 110;

	private final RedisRateLimiter limiter;

	private final RateLimitProperties defaults;

	private final Problems problems;

	private final Counter unavailable;

	RateLimitGlobalFilter(RedisRateLimiter limiter, RateLimitProperties defaults, Problems problems,
			MeterRegistry meters) {
		this.limiter = limiter;
		this.defaults = defaults;
		this.problems = problems;
		this.unavailable = Counter.builder("meshgate.gateway.ratelimit.unavailable")
			.description("Requests let through unlimited because Redis was unreachable")
			.register(meters);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		RedisRateLimiter.Config bucket = this.limiter.getConfig()
			.computeIfAbsent(route.getId(), (id) -> bucketOf(route.getMetadata()));
		return this.limiter.isAllowed(route.getId(), key(exchange)).flatMap((response) -> {
			RateLimitHeaders headers = RateLimitHeaders.of(bucket, response);
			if (headers.limiterUnavailable()) {
				this.unavailable.increment();
				return chain.filter(exchange);
			}
			headers.writeTo(exchange.getResponse().getHeaders());
			if (response.isAllowed()) {
				return chain.filter(exchange);
			}
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(headers.reset()));
			return this.problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
					"Too many requests; retry after " + headers.reset() + " s.");
		});
	}

	private static String key(ServerWebExchange exchange) {
		String userId = exchange.getAttribute(UserId.ATTRIBUTE);
		return (userId != null) ? "user:" + userId : "address:" + ClientAddress.of(exchange);
	}

	private RedisRateLimiter.Config bucketOf(Map<String, Object> metadata) {
		return new RedisRateLimiter.Config()
			.setReplenishRate(intOr(metadata.get(REPLENISH_RATE), this.defaults.replenishRate()))
			.setBurstCapacity(intOr(metadata.get(BURST_CAPACITY), this.defaults.burstCapacity()))
			.setRequestedTokens(intOr(metadata.get(REQUESTED_TOKENS), this.defaults.requestedTokens()));
	}

	private static int intOr(Object value, int fallback) {
		return (value != null) ? Integer.parseInt(String.valueOf(value)) : fallback;
	}

}
