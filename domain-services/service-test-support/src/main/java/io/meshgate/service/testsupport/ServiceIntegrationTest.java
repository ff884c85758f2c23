package io.meshgate.service.testsupport;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Value;

/**
 * What every integration test of a Meshgate service shares, whichever way it starts the
 * service: a subclass annotated {@code @SpringBootTest(webEnvironment = RANDOM_PORT)},
 * with a management port of its own, reaches the service through {@link #http()}.
 */
public abstract class ServiceIntegrationTest {

	// What @LocalServerPort and @LocalManagementPort stand for, without needing Spring
	// Boot's test module here.
	@Value("${local.server.port}")
	private int port;

	@Value("${local.management.port}")
	private int managementPort;

	private ServiceHttpClient http;

	@BeforeEach
	void connectToTheService() {
		this.http = new ServiceHttpClient(this.port, this.managementPort);
	}

	/** The service under test, on both its ports. */
	public ServiceHttpClient http() {
		return this.http;
	}

}
