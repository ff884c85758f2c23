package io.meshgate.localplatform;

import static io.meshgate.localplatform.ServiceDefinition.service;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one place that says what the local platform runs, and in which order. */
final class Components {

	/**
	 * Every service the platform knows, in start order (ports from CONTRACTS.md). A
	 * service runs once its jar is built; adding one is adding an entry here.
	 */
	static final List<ServiceDefinition> SERVICES = List.of(service("auth-service", 9000, 9001).withDatabase("auth")
		.withEnvironment(Components::authServiceEnvironment)
		.withLink("OIDC discovery", "/.well-known/openid-configuration"));

	private Components() {
	}

	/**
	 * What to start: the components, in order, and the listed services that are not
	 * built.
	 *
	 * @param components the components to start, in order
	 * @param notBuilt the listed services without a jar, skipped
	 */
	record Plan(List<Component> components, List<ServiceDefinition> notBuilt) {

	}

	static Plan plan(LaunchOptions options) {
		return plan(options, SERVICES);
	}

	static Plan plan(LaunchOptions options, List<ServiceDefinition> services) {
		Secrets secrets = Secrets.load(options.secretsFile());
		List<ServiceDefinition> built = new ArrayList<>();
		List<ServiceDefinition> notBuilt = new ArrayList<>();
		services.forEach((service) -> (isBuilt(service, options) ? built : notBuilt).add(service));
		List<DatabaseAccount> accounts = built.stream()
			.flatMap((service) -> service.databaseName().stream())
			.map((database) -> DatabaseAccount.of(database, secrets))
			.toList();
		LocalPostgres postgres = new LocalPostgres(options.postgresDataDirectory(),
				options.port(options.postgresPort()), options.clean(), accounts,
				options.logDirectory().resolve("postgres.log"));
		List<Component> components = new ArrayList<>();
		components.add(postgres);
		built.forEach((service) -> components.add(springBootService(service, options, postgres, secrets)));
		return new Plan(List.copyOf(components), List.copyOf(notBuilt));
	}

	private static boolean isBuilt(ServiceDefinition service, LaunchOptions options) {
		return Files.isRegularFile(service.jar(options.repository()));
	}

	private static SpringBootService springBootService(ServiceDefinition service, LaunchOptions options,
			LocalPostgres postgres, Secrets secrets) {
		int appPort = options.port(service.appPort());
		int managementPort = options.port(service.managementPort());
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_PROFILES_ACTIVE", "local");
		environment.put("SERVER_ADDRESS", "127.0.0.1");
		environment.put("SERVER_PORT", String.valueOf(appPort));
		environment.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
		environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
		service.databaseName().map((database) -> DatabaseAccount.of(database, secrets)).ifPresent((account) -> {
			environment.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(account.name()));
			environment.put("SPRING_DATASOURCE_USERNAME", account.name());
			environment.put("SPRING_DATASOURCE_PASSWORD", account.password());
		});
		environment.putAll(service.environment().apply(new ServiceContext("http://localhost:" + appPort, secrets)));
		return new SpringBootService(service, options.repository(), appPort, managementPort, environment,
				options.logDirectory(), options.runDirectory());
	}

	private static Map<String, String> authServiceEnvironment(ServiceContext context) {
		// The issuer is auth-service itself until the gateway runs locally; then it
		// becomes the gateway's https://localhost:8443.
		return Map.of("MESHGATE_ISSUER", context.appUrl(), "MESHGATE_SIGNINGKEYS_ENCRYPTIONPASSWORD",
				context.secret("auth-service.signing-keys.encryption-password"));
	}

}
