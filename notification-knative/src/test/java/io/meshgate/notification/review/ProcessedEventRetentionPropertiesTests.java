package io.meshgate.notification.review;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retention shorter than the broker's redelivery window would let a redelivered event
 * send a second mail: the service does not start with one.
 */
class ProcessedEventRetentionPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfig.class)
		.withPropertyValues("meshgate.notification.processed-event-cleanup.initial-delay=1m",
				"meshgate.notification.processed-event-cleanup.interval=1h");

	@Test
	void refusesARetentionShorterThanAnHour() {
		this.context.withPropertyValues("meshgate.notification.processed-event-retention=40m")
			.run((started) -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("processedEventRetention"));
	}

	@Test
	void refusesAMissingRetention() {
		this.context.run((started) -> assertThat(started).hasFailed());
	}

	@Test
	void acceptsAWeek() {
		this.context.withPropertyValues("meshgate.notification.processed-event-retention=7d")
			.run((started) -> assertThat(
					started.getBean(ProcessedEventRetentionProperties.class).processedEventRetention())
				.isEqualTo(Duration.ofDays(7)));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ProcessedEventRetentionProperties.class)
	static class PropertiesConfig {

	}

}
