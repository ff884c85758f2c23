package io.meshgate.review.outbox;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many refusals park an event is bounded: at least one try, and few enough that the
 * events behind it are not held up for long.
 */
class OutboxPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(OutboxPropertiesConfig.class);

	@Test
	void threeRefusalsParkAnEventUnlessConfiguredOtherwise() {
		this.context
			.run((context) -> assertThat(context.getBean(OutboxProperties.class).maxAttemptsOnRefusal()).isEqualTo(3));
		this.context.withPropertyValues("meshgate.outbox.max-attempts-on-refusal=1")
			.run((context) -> assertThat(context.getBean(OutboxProperties.class).maxAttemptsOnRefusal()).isOne());
	}

	@Test
	void refusalLimitBelowOneIsRejectedAtStartUp() {
		this.context.withPropertyValues("meshgate.outbox.max-attempts-on-refusal=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("maxAttemptsOnRefusal"));
	}

	@Test
	void refusalLimitAboveTenIsRejectedAtStartUp() {
		this.context.withPropertyValues("meshgate.outbox.max-attempts-on-refusal=11")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("maxAttemptsOnRefusal"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(OutboxProperties.class)
	static class OutboxPropertiesConfig {

	}

}
