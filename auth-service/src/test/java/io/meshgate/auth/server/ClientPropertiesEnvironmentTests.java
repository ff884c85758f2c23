package io.meshgate.auth.server;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code meshgate.clients} as an operator sets it per overlay: environment variables from
 * auth-service's ConfigMap and Secrets (docs/deploy.md, "OAuth clients"), above
 * application.yaml's empty lists.
 */
class ClientPropertiesEnvironmentTests {

	private static final Map<String, Object> APPLICATION_YAML = Map.of("meshgate.clients.web-app.redirect-uris", "",
			"meshgate.clients.web-app.post-logout-redirect-uris", "", "meshgate.clients.cli.redirect-uris[0]",
			"http://127.0.0.1/callback", "meshgate.clients.services", "");

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(ClientPropertiesConfig.class);

	@Test
	void commaSeparatedVariablesReplaceTheWebAppsEmptyLists() {
		withEnvironment(Map.of("MESHGATE_CLIENTS_WEBAPP_REDIRECTURIS",
				"https://app.meshgate.example/callback,https://admin.meshgate.example/callback",
				"MESHGATE_CLIENTS_WEBAPP_POSTLOGOUTREDIRECTURIS", "https://app.meshgate.example/"))
			.run((context) -> {
				ClientProperties clients = context.getBean(ClientProperties.class);
				assertThat(clients.webApp().redirectUris()).containsExactly("https://app.meshgate.example/callback",
						"https://admin.meshgate.example/callback");
				assertThat(clients.webApp().postLogoutRedirectUris()).containsExactly("https://app.meshgate.example/");
				assertThat(clients.cli().redirectUris()).containsExactly("http://127.0.0.1/callback");
			});
	}

	@Test
	void indexedVariablesRegisterAServiceClientWhoseSecretComesFromElsewhere() {
		// Id and scopes from the ConfigMap, the secret from a Secret: both are variables
		// of
		// the same container, so they bind as one client.
		withEnvironment(Map.of("MESHGATE_CLIENTS_SERVICES_0_CLIENTID", "reporting",
				"MESHGATE_CLIENTS_SERVICES_0_SCOPES", "products.read,reviews.read",
				"MESHGATE_CLIENTS_SERVICES_0_SECRET", "a-secret-of-at-least-24-characters"))
			.run((context) -> assertThat(context.getBean(ClientProperties.class).services()).singleElement()
				.satisfies((client) -> {
					assertThat(client.clientId()).isEqualTo("reporting");
					assertThat(client.scopes()).isEqualTo(Set.of("products.read", "reviews.read"));
				}));
	}

	@Test
	void serviceClientWithoutItsSecretStopsStartUp() {
		withEnvironment(Map.of("MESHGATE_CLIENTS_SERVICES_0_CLIENTID", "reporting",
				"MESHGATE_CLIENTS_SERVICES_0_SCOPES", "products.read"))
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("secret"));
	}

	private ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
		return this.context.withInitializer((context) -> {
			var sources = context.getEnvironment().getPropertySources();
			sources.addFirst(new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
			sources.addLast(new MapPropertySource("application.yaml", APPLICATION_YAML));
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ClientProperties.class)
	static class ClientPropertiesConfig {

	}

}
