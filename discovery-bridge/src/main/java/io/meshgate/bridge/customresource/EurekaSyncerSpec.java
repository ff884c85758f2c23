package io.meshgate.bridge.customresource;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * What a syncer bridges. The schema rejects what it can at admission; the reconciler
 * checks the same rules again ({@code SpecValidation}) because a CRD older than the
 * operator, or a client that skips validation, can still hand it anything.
 *
 * @param direction {@code export} (Kubernetes to Eureka) or {@code import} (Eureka to the
 * mesh)
 * @param appName the Eureka application name
 * @param eurekaUrls Eureka server base URLs, tried in order like a Eureka client's
 * {@code defaultZone}
 * @param service export: the Service whose endpoints are registered
 * @param selector export: pod labels, instead of a Service ({@code mode: pod} only)
 * @param mode export: {@code service} or {@code pod}
 * @param port export: the Service port (or, with a selector, the container port) to
 * register; import: the port mesh workloads call
 * @param lease export: lease renewal settings
 * @param host import: the host name mesh workloads call
 * @param location import: {@code MESH_EXTERNAL} or {@code MESH_INTERNAL}
 * @param pollIntervalSeconds import: how often Eureka is read
 */
@ValidationRule(value = "!(has(self.service) && has(self.selector))",
		message = "spec.service and spec.selector are mutually exclusive")
public record EurekaSyncerSpec(
		@JsonPropertyDescription("export: register Kubernetes endpoints in Eureka; import: make a Eureka application reachable by name in the mesh.") @Required @Pattern("^(export|import)$") String direction,
		@JsonPropertyDescription("The Eureka application name (a DNS label in any case: Spring Cloud clients use it as a host name).") @Required @Pattern(APP_NAME) String appName,
		@JsonPropertyDescription("Eureka server base URLs such as http://eureka-1.example:8761/eureka, tried in order; peers replicate to each other.") @Required @Size(
				min = 1) List<@Pattern(URL) String> eurekaUrls,
		@JsonPropertyDescription("export: the Service, in this namespace, whose endpoints are registered.") @Pattern(DNS_LABEL) String service,
		@JsonPropertyDescription("export, mode pod only: labels of the pods to register, instead of a Service.") Map<String, String> selector,
		@JsonPropertyDescription("export: service (default) registers the Service's cluster DNS name, so that Eureka clients go through the mesh; pod registers each ready pod address.") @Pattern("^(service|pod)$") String mode,
		@JsonPropertyDescription("export: the Service port to register (default: the port named http, else the first), or with a selector the container port (required). import: the port mesh workloads call (default 80).") @Min(1) @Max(65535) Integer port,
		@JsonPropertyDescription("export: lease renewal settings of the registered instances.") Lease lease,
		@JsonPropertyDescription("import: the host name under which mesh workloads call the application.") @Pattern(DNS_SUBDOMAIN) @Size(
				max = 253) String host,
		@JsonPropertyDescription("import: MESH_EXTERNAL (default) for instances without a sidecar; MESH_INTERNAL when they run one (VMs joined to the mesh), so that mutual TLS applies.") @Pattern("^(MESH_EXTERNAL|MESH_INTERNAL)$") String location,
		@JsonPropertyDescription("import: how often Eureka is read, in seconds (default 30, as Eureka clients do).") @Min(1) @Max(3600) Integer pollIntervalSeconds) {

	public static final String EXPORT = "export";

	public static final String IMPORT = "import";

	public static final String MODE_SERVICE = "service";

	public static final String MODE_POD = "pod";

	public static final String MESH_EXTERNAL = "MESH_EXTERNAL";

	public static final String MESH_INTERNAL = "MESH_INTERNAL";

	static final String DNS_LABEL = "^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$";

	static final String APP_NAME = "^[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?$";

	// No look-ahead for the length: the API server compiles patterns as RE2.
	static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

	static final String URL = "^https?://.+$";

	private static final int DEFAULT_IMPORT_PORT = 80;

	private static final int DEFAULT_POLL_INTERVAL_SECONDS = 30;

	@JsonIgnore
	public boolean isExport() {
		return EXPORT.equals(this.direction);
	}

	/** The export mode, {@code service} when not given. */
	@JsonIgnore
	public String effectiveMode() {
		return (this.mode != null) ? this.mode : MODE_SERVICE;
	}

	@JsonIgnore
	public Lease effectiveLease() {
		return (this.lease != null) ? this.lease : new Lease(null, null);
	}

	/** Where an export registers its instances. */
	@JsonIgnore
	public ExportTarget exportTarget() {
		return new ExportTarget(this.appName, this.eurekaUrls, effectiveLease().duration());
	}

	@JsonIgnore
	public int importPort() {
		return (this.port != null) ? this.port : DEFAULT_IMPORT_PORT;
	}

	@JsonIgnore
	public String effectiveLocation() {
		return (this.location != null) ? this.location : MESH_EXTERNAL;
	}

	@JsonIgnore
	public int pollInterval() {
		return (this.pollIntervalSeconds != null) ? this.pollIntervalSeconds : DEFAULT_POLL_INTERVAL_SECONDS;
	}

}
