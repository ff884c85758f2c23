package io.meshgate.auth.signingkey;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the key ring's maintenance (scheduled rotation, clean-up, re-reading what other
 * replicas wrote) every {@code meshgate.signing-keys.refresh-interval}.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyMaintenance implements SchedulingConfigurer {

	private final SigningKeys signingKeys;

	private final SigningKeyProperties properties;

	SigningKeyMaintenance(SigningKeys signingKeys, SigningKeyProperties properties) {
		this.signingKeys = signingKeys;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.signingKeys::maintain, this.properties.refreshInterval());
	}

}
