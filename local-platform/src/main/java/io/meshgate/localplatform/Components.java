package io.meshgate.localplatform;

import static io.meshgate.localplatform.ServiceDefinition.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** The one place that says what the local platform runs, and in which order. */
final class Components {

	/**
	 * Every service the platform knows, in start order (ports from CONTRACTS.md). A
	 * service runs once its jar is built; adding one is adding an entry here.
	 */
	static final List<ServiceDefinition> SERVICES = List.of(
			service("auth-service", 9000, 9001).withDatabase("auth")
				.withEnvironment(Components::authServiceEnvironment)
				.withLink("OIDC discovery", "/.well-known/openid-configuration"),
			service("member-service", 8101, 9101).inModule("domain-services/member-service")
				.withDatabase("member")
				.withEnvironment(Components::resourceServerEnvironment),
			service("product-service", 8102, 9102).inModule("domain-services/product-service")
				.withDatabase("product")
				.withEnvironment(Components::resourceServerEnvironment),
			service("notification-knative", 8105, 9105).withDatabase("notification")
				.withEnvironment(Components::notificationEnvironment),
			service("review-service", 8103, 9103).inModule("domain-services/review-service")
				.withDatabase("review")
				.withEnvironment(Components::reviewServiceEnvironment),
			service("storefront-service", 8104, 9104).inModule("domain-services/storefront-service")
				.withEnvironment(Components::storefrontEnvironment)
				.withLink("GraphiQL", "/graphiql"),
			service("api-gateway", 8443, 9443).withHttps()
				.withEnvironment(Components::gatewayEnvironment)
				.withLink("OIDC discovery", "/.well-known/openid-configuration"));

	/** The services behind the gateway, for its discovery. */
	private static final List<String> GATEWAY_UPSTREAMS = List.of("auth-service", "member-service", "product-service",
			"review-service", "storefront-service");

	private static final String GATEWAY = "api-gateway";

	private static final String AUTH_SERVICE = "auth-service";

	private static final String NOTIFICATION = "notification-knative";

	/** SMTP and GreenMail's REST API, for notification-knative's e-mails. */
	private static final int SMTP_PORT = 3025;

	private static final int MAIL_API_PORT = 8025;

	private static final int ZIPKIN_PORT = 9411;

	private static final int PROMETHEUS_PORT = 9090;

	private static final int GATEWAY_PORT = 8443;

	/**
	 * Redis for the gateway's rate limits (not 6379, which is often the developer's own).
	 */
	private static final int REDIS_PORT = 16379;

	private static final String REDIS_PASSWORD = "redis.password";

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

	/** Every port the platform may listen on, before the offset. */
	static List<Integer> basePorts() {
		List<Integer> ports = new ArrayList<>(List.of(LaunchOptions.DEFAULT_POSTGRES_PORT, REDIS_PORT, SMTP_PORT,
				MAIL_API_PORT, ZIPKIN_PORT, PROMETHEUS_PORT));
		SERVICES.forEach((service) -> ports.addAll(List.of(service.appPort(), service.managementPort())));
		return List.copyOf(ports);
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
		Set<String> running = built.stream().map(ServiceDefinition::name).collect(Collectors.toUnmodifiableSet());
		if (running.contains(GATEWAY)) {
			components.add(new LocalRedis(options.port(REDIS_PORT), secrets.get(REDIS_PASSWORD), options.logDirectory(),
					options.runDirectory()));
		}
		Map<String, String> tracing = Map.of();
		if (options.withObservability()) {
			LocalZipkin zipkin = new LocalZipkin(LocalZipkin.jar(options.repository()), options.port(ZIPKIN_PORT),
					options.logDirectory(), options.runDirectory());
			components.add(zipkin);
			components.add(new LocalPrometheus(options.port(PROMETHEUS_PORT), managementPorts(built, options),
					options.localDirectory().resolve("prometheus"), options.logDirectory(), options.runDirectory()));
			tracing = Map.of("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "true",
					"MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", zipkin.spansEndpoint());
		}
		if (running.contains(NOTIFICATION)) {
			components.add(new LocalSmtp(LocalSmtp.jar(options.repository()), options.port(SMTP_PORT),
					options.port(MAIL_API_PORT), options.logDirectory(), options.runDirectory()));
		}
		Map<String, String> commonEnvironment = tracing;
		built.forEach((service) -> components
			.add(springBootService(service, options, postgres, secrets, running, commonEnvironment)));
		return new Plan(List.copyOf(components), List.copyOf(notBuilt));
	}

	private static boolean isBuilt(ServiceDefinition service, LaunchOptions options) {
		return Files.isRegularFile(service.jar(options.repository()));
	}

	private static Map<String, Integer> managementPorts(List<ServiceDefinition> services, LaunchOptions options) {
		return services.stream()
			.collect(Collectors.toMap(ServiceDefinition::name, (service) -> options.port(service.managementPort())));
	}

	/**
	 * @param commonEnvironment what every service gets, such as where to send spans
	 */
	private static SpringBootService springBootService(ServiceDefinition service, LaunchOptions options,
			LocalPostgres postgres, Secrets secrets, Set<String> running, Map<String, String> commonEnvironment) {
		int appPort = options.port(service.appPort());
		int managementPort = options.port(service.managementPort());
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_PROFILES_ACTIVE", "local");
		environment.put("SERVER_ADDRESS", "127.0.0.1");
		environment.put("SERVER_PORT", String.valueOf(appPort));
		environment.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
		environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
		environment.putAll(commonEnvironment);
		service.databaseName().map((database) -> DatabaseAccount.of(database, secrets)).ifPresent((account) -> {
			environment.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(account.name()));
			environment.put("SPRING_DATASOURCE_USERNAME", account.name());
			environment.put("SPRING_DATASOURCE_PASSWORD", account.password());
		});
		environment.putAll(
				service.environment().apply(new ServiceContext(service.appUrl(appPort), secrets, options, running)));
		return new SpringBootService(service, options.repository(), appPort, managementPort, environment,
				options.logDirectory(), options.runDirectory());
	}

	private static Map<String, String> authServiceEnvironment(ServiceContext context) {
		return Map.of("MESHGATE_ISSUER", issuer(context), "MESHGATE_SIGNINGKEYS_ENCRYPTIONPASSWORD",
				context.secret("auth-service.signing-keys.encryption-password"));
	}

	/**
	 * The gateway's TLS key store, its Redis, and where it finds the issuer, the JWKS and
	 * the services.
	 */
	private static Map<String, String> gatewayEnvironment(ServiceContext context) {
		String keyStorePassword = context.secret("api-gateway.tls.keystore-password");
		Path keyStore = LocalTls.ensureKeyStore(context.tlsDirectory(), keyStorePassword);
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("meshgate.gateway.security.issuer", issuer(context));
		properties.put("meshgate.gateway.security.jwk-set-uri",
				context.localUrl(definition(AUTH_SERVICE).appPort()) + "/oauth2/jwks");
		return Map.of("MESHGATE_TLS_KEYSTORE", keyStore.toString(), "MESHGATE_TLS_KEYSTORE_PASSWORD", keyStorePassword,
				"SPRING_DATA_REDIS_PORT", String.valueOf(context.options().port(REDIS_PORT)),
				"SPRING_DATA_REDIS_PASSWORD", context.secret(REDIS_PASSWORD), "SPRING_APPLICATION_JSON",
				discoveryJson(context, GATEWAY_UPSTREAMS, properties));
	}

	/**
	 * Checks tokens like every domain service, finds product-service by name, and sends
	 * its events to notification when that runs (else they wait in the outbox).
	 */
	private static Map<String, String> reviewServiceEnvironment(ServiceContext context) {
		Map<String, String> environment = new LinkedHashMap<>(resourceServerEnvironment(context));
		environment.put("SPRING_APPLICATION_JSON", discoveryJson(context, List.of("product-service"), Map.of()));
		if (context.runs(NOTIFICATION)) {
			environment.put("K_SINK", context.localUrl(definition(NOTIFICATION).appPort()) + "/");
		}
		return environment;
	}

	private static Map<String, String> storefrontEnvironment(ServiceContext context) {
		Map<String, String> environment = new LinkedHashMap<>(resourceServerEnvironment(context));
		environment.put("SPRING_APPLICATION_JSON",
				discoveryJson(context, List.of("product-service", "review-service", "member-service"), Map.of()));
		return environment;
	}

	private static Map<String, String> notificationEnvironment(ServiceContext context) {
		return Map.of("SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT",
				String.valueOf(context.options().port(SMTP_PORT)));
	}

	/**
	 * Simple-discovery entries for the services a service calls by name, plus other
	 * properties, as SPRING_APPLICATION_JSON: the keys contain dashes, which environment
	 * variable names cannot carry.
	 */
	private static String discoveryJson(ServiceContext context, List<String> upstreams,
			Map<String, String> properties) {
		StringJoiner json = new StringJoiner(",", "{", "}");
		properties.forEach((key, value) -> json.add(jsonEntry(key, value)));
		upstreams.forEach(
				(service) -> json.add(jsonEntry("spring.cloud.discovery.client.simple.instances." + service + "[0].uri",
						context.localUrl(definition(service).appPort()))));
		return json.toString();
	}

	private static ServiceDefinition definition(String name) {
		return SERVICES.stream()
			.filter((service) -> service.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no service " + name));
	}

	/** Where a domain service checks tokens: the public issuer, auth-service's keys. */
	private static Map<String, String> resourceServerEnvironment(ServiceContext context) {
		return Map.of("MESHGATE_SECURITY_ISSUER", issuer(context), "MESHGATE_SECURITY_JWKSETURI",
				context.localUrl(definition(AUTH_SERVICE).appPort()) + "/oauth2/jwks");
	}

	/** The public origin: the gateway's when it runs, auth-service's own otherwise. */
	private static String issuer(ServiceContext context) {
		return context.runs(GATEWAY) ? "https://localhost:" + context.options().port(GATEWAY_PORT)
				: "http://localhost:" + context.options().port(definition(AUTH_SERVICE).appPort());
	}

	/** Values here are URLs and paths, which need no JSON escaping beyond none. */
	private static String jsonEntry(String key, String value) {
		return "\"" + key + "\":\"" + value + "\"";
	}

}
