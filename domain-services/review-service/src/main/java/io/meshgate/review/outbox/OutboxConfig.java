package io.meshgate.review.outbox;

import java.net.http.HttpClient;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.client.RestClient;

/**
 * The outbox relay and its schedule: delivery every {@code poll-interval}, purge of sent
 * events every {@code purge-interval}, both on Boot's task scheduler.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxConfig {

	private static final Logger logger = LoggerFactory.getLogger(OutboxConfig.class);

	/**
	 * Boot's plain (not load-balanced) builder: the sink is a URL, not a service name.
	 * Redirects are not followed: anything but 2xx is a failed delivery. HTTP/1.1, as for
	 * product-service: no h2c upgrade attempt on each connection.
	 */
	@Bean
	CloudEventSender cloudEventSender(RestClient.Builder builder, OutboxProperties properties) {
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withTimeouts(properties.connectTimeout(), properties.readTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		RestClient client = builder
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.withHttpClientCustomizer((http) -> http.version(HttpClient.Version.HTTP_1_1))
				.build(settings))
			.build();
		return new CloudEventSender(client, properties.source());
	}

	@Bean
	OutboxRelay outboxRelay(OutboxRepository repository, TransactionOperations transactions, CloudEventSender sender,
			ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator, OutboxProperties properties) {
		return new OutboxRelay(repository, transactions, sender, tracer.getIfAvailable(() -> Tracer.NOOP),
				propagator.getIfAvailable(() -> Propagator.NOOP), properties);
	}

	@Bean
	OutboxMetrics outboxMetrics(OutboxRepository repository) {
		return new OutboxMetrics(repository);
	}

	@Bean
	SchedulingConfigurer outboxSchedule(OutboxRelay relay, OutboxProperties properties) {
		if (!properties.hasSink()) {
			logger.warn("No event sink configured (K_SINK): events are kept in the outbox and sent once one is");
		}
		return (ScheduledTaskRegistrar registrar) -> {
			registrar.addFixedDelayTask(relay::relayBatch, properties.pollInterval());
			registrar.addFixedDelayTask(relay::purgeSent, properties.purgeInterval());
		};
	}

}
