package io.meshgate.gateway.ratelimit;

import io.lettuce.core.ClientOptions;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * While Redis is unreachable, commands fail at once instead of queueing until their
 * timeout: the limiter then lets requests through without each one waiting.
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

}
