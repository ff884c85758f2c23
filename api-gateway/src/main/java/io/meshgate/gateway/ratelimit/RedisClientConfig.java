package io.meshgate.gateway.ratelimit;

import java.util.List;

import io.lettuce.core.ClientOptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The rate limiter's Redis client. While Redis is unreachable, commands fail at once
 * instead of queueing until their timeout: the limiter then lets requests through without
 * each one waiting. The connection is opened at start-up, so the first requests do not
 * find it still closed.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfig {

	@Bean
	LettuceClientConfigurationBuilderCustomizer failFastWhenDisconnected() {
		return (builder) -> builder.clientOptions(ClientOptions.builder()
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.autoReconnect(true)
			.build());
	}

	/**
	 * Spring Cloud Gateway's limiter, with its own Lua script held as text. The script it
	 * configures comes from a classpath resource that Spring Data Redis checks for
	 * changes on every call, under a lock; inside the gateway's jar that check throws and
	 * catches an exception each time (spring-data-redis#2128). Read once here, it is the
	 * same script without that cost on every rate-limited request.
	 */
	@Bean
	@SuppressWarnings({ "unchecked", "rawtypes" })
	RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis,
			@Qualifier("redisRequestRateLimiterScript") RedisScript<List<Long>> springScript,
			ConfigurationService configurationService) {
		RedisScript<List<Long>> script = (RedisScript) RedisScript.of(springScript.getScriptAsString(), List.class);
		return new RedisRateLimiter(redis, script, configurationService);
	}

	@Bean
	ApplicationRunner connectToRedisAtStartUp(ReactiveRedisConnectionFactory connections) {
		// Never fails the start: without Redis the gateway serves unlimited (see above).
		return (args) -> Mono.fromCallable(connections::getReactiveConnection)
			.flatMap((connection) -> connection.ping().doFinally((signal) -> connection.closeLater().subscribe()))
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorResume((ex) -> Mono.empty())
			.subscribe();
	}

}
