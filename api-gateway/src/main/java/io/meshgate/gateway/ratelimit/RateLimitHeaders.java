package io.meshgate.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpHeaders;

/**
 * The {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}
 * headers (IETF httpapi rate-limit draft), computed from the bucket and what the limiter
 * reported. Reset is the seconds until one more request fits.
 */
record RateLimitHeaders(long limit, long remaining, long reset, boolean limiterUnavailable) {

	static RateLimitHeaders of(RedisRateLimiter.Config bucket, RateLimiter.Response response) {
		long tokensLeft = Long.parseLong(
				response.getHeaders().getOrDefault(RedisRateLimiter.REMAINING_HEADER, String.valueOf(Long.MIN_VALUE)));
		int cost = bucket.getRequestedTokens();
		long limit = bucket.getBurstCapacity() / cost;
		long reset = (long) Math.ceil((double) cost / bucket.getReplenishRate());
		// The limiter reports -1 left when it could not reach Redis and let the request
		// through.
		boolean unavailable = tokensLeft < 0;
		return new RateLimitHeaders(limit, Math.max(0, tokensLeft / cost), reset, unavailable);
	}

	void writeTo(HttpHeaders headers) {
		headers.set("RateLimit-Limit", String.valueOf(this.limit));
		headers.set("RateLimit-Remaining", String.valueOf(this.remaining));
		headers.set("RateLimit-Reset", String.valueOf(this.reset));
	}

}
