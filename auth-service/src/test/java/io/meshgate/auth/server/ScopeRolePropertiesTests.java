package io.meshgate.auth.server;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code meshgate.authorization.scope-roles}: a privileged scope always names a role an
 * account can hold, so a slip in configuration stops start-up instead of granting the
 * scope to nobody, or silently to everybody.
 */
class ScopeRolePropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(ScopeRolePropertiesConfig.class);

	@Test
	void bindsEachScopeToTheRoleItNeeds() {
		this.context.withPropertyValues("meshgate.authorization.scope-roles.products.write=CATALOG_EDITOR")
			.run((context) -> assertThat(context.getBean(ScopeRoleProperties.class).scopeRoles())
				.containsExactly(Map.entry("products.write", "CATALOG_EDITOR")));
	}

	@Test
	void emptyRoleNameIsRejectedAtStartUp() {
		this.context.withPropertyValues("meshgate.authorization.scope-roles.products.write=")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("scopeRoles")
				.hasMessageContaining("must be a role name"));
	}

	@Test
	void roleNameNoAccountHoldsIsRejectedAtStartUp() {
		// Roles are stored in upper case (USER, ADMIN); this one would match no account.
		this.context.withPropertyValues("meshgate.authorization.scope-roles.products.write=catalog editor")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("must be a role name"));
	}

	@Test
	void otherConfigurationAddsScopesWithoutDroppingTheDefault() {
		// As application.yaml's default sits under a profile's or the environment's
		// values.
		this.context
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("defaults",
						Map.of("meshgate.authorization.scope-roles.products.write", "CATALOG_EDITOR"))))
			.withPropertyValues("meshgate.authorization.scope-roles.reviews.write=MODERATOR")
			.run((context) -> assertThat(context.getBean(ScopeRoleProperties.class).scopeRoles())
				.containsOnly(Map.entry("products.write", "CATALOG_EDITOR"), Map.entry("reviews.write", "MODERATOR")));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ScopeRoleProperties.class)
	static class ScopeRolePropertiesConfig {

	}

}
