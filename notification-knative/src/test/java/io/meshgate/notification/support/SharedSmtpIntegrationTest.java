package io.meshgate.notification.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service sending through the shared {@link TestSmtp}; all test classes extending
 * this share one service and one database, so each test uses events and addresses of its
 * own.
 */
public abstract class SharedSmtpIntegrationTest extends NotificationIntegrationTest {

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		TestSmtp.register(registry);
	}

}
