package io.meshgate.member.support;

import io.meshgate.service.testsupport.ServiceIntegrationTest;
import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.service.testsupport.TestPostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * member-service on random ports over real HTTP, with a real PostgreSQL and
 * auth-service's keys served by {@link TestJwks}; called as the gateway calls it (prefix
 * already stripped). All test classes extending this share one service and one database,
 * so each test works with members of its own (a fresh {@code sub} per token).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class MemberServiceIntegrationTest extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void dependencies(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
		TestJwks.register(registry);
	}

}
