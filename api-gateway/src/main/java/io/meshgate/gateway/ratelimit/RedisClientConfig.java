package io.meshgate.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * While Redis is unreachable, commands fail at once instead of queueing until their
 * timeout: the limiter then lets requests through without each one waiting. The
 * connection is opened at start-up, so the first requests do not find it still closed.
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
