package io.meshgate.manifests;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every Secret a workload or a chart reads exists: rendered in the bundle, produced by an
 * operator the platform deploys for an object in the bundle, or created by hand from a
 * documented source (a dev-secrets folder in dev, a command in docs/deploy.md in prod).
 * Without it the pod stays in {@code CreateContainerConfigError} and its app never gets
 * Healthy.
 */
final class SecretReferences {

	/** Kiali's values name a key of a Secret as {@code secret:<name>:<key>}. */
	private static final Pattern KIALI_SECRET = Pattern.compile("secret:([^:]+):(.+)");

	private SecretReferences() {
	}

	/**
	 * A Secret that something reads.
	 *
	 * @param owner the object that reads it
	 * @param field where, as a JSON path in the owner
	 * @param namespace the Secret's namespace
	 * @param name the Secret's name
	 * @param key the key read, or {@code null} for the whole Secret
	 */
	record Reference(ManifestObject owner, String field, String namespace, String name, String key) {
	}

	/**
	 * A Secret that exists once the platform runs.
	 *
	 * @param namespace its namespace
	 * @param name its name
	 * @param keys its keys
	 * @param source what creates it, for messages
	 */
	record Provided(String namespace, String name, Set<String> keys, String source) {
	}

	static List<Violation> referencedSecretsExist(List<ManifestObject> objects, List<Provided> byHand) {
		List<Provided> provided = new ArrayList<>(producedBy(objects));
		provided.addAll(byHand);
		List<Violation> violations = new ArrayList<>();
		for (Reference reference : references(objects)) {
			Optional<Provided> secret = provided.stream()
				.filter((candidate) -> candidate.namespace().equals(reference.namespace())
						&& candidate.name().equals(reference.name()))
				.findFirst();
			if (secret.isEmpty()) {
				violations.add(Violation.of(reference.owner(), reference.field(), "Secret " + reference.namespace()
						+ "/" + reference.name() + " is not rendered, not produced by an operator for an object of "
						+ "this environment, and has no dev-secrets folder or command in docs/deploy.md (\"Secrets\")"));
			}
			else if (reference.key() != null && !secret.get().keys().contains(reference.key())) {
				violations.add(Violation.of(reference.owner(), reference.field(),
						"Secret " + reference.name() + " from " + secret.get().source() + " has no key "
								+ reference.key() + " (it has " + secret.get().keys() + ")"));
			}
		}
		return violations;
	}

	/** The references of workloads, Knative Services and chart values. */
	static List<Reference> references(List<ManifestObject> objects) {
		List<Reference> references = new ArrayList<>();
		for (ManifestObject object : objects) {
			podSpecPath(object).ifPresent((path) -> fromPodSpec(object, path, references));
			if (object.type().equals("postgresql.cnpg.io/v1/Cluster")) {
				fromBackupCredentials(object, references);
			}
			if (object.is("Application")) {
				String namespace = object.path("spec.destination.namespace").asText();
				fromValues(object, namespace, "spec.source.helm.valuesObject",
						object.path("spec.source.helm.valuesObject"), references);
			}
		}
		return references;
	}

	private static Optional<String> podSpecPath(ManifestObject object) {
		if (object.is("CronJob")) {
			return Optional.of("spec.jobTemplate.spec.template.spec");
		}
		boolean hasTemplate = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job").contains(object.kind())
				|| Workloads.isKnativeService(object);
		return hasTemplate ? Optional.of("spec.template.spec") : Optional.empty();
	}

	private static void fromPodSpec(ManifestObject owner, String path, List<Reference> references) {
		JsonNode podSpec = owner.path(path);
		String namespace = owner.namespace();
		for (String list : List.of("initContainers", "containers")) {
			JsonNode containers = podSpec.path(list);
			for (int i = 0; i < containers.size(); i++) {
				String container = path + "." + list + "[" + i + "]";
				JsonNode env = containers.get(i).path("env");
				for (int j = 0; j < env.size(); j++) {
					JsonNode ref = env.get(j).path("valueFrom").path("secretKeyRef");
					if (ref.isObject() && !ref.path("optional").asBoolean()) {
						references.add(new Reference(owner, container + ".env[" + j + "].valueFrom.secretKeyRef.name",
								namespace, ref.path("name").asText(), ref.path("key").asText()));
					}
				}
				JsonNode envFrom = containers.get(i).path("envFrom");
				for (int j = 0; j < envFrom.size(); j++) {
					JsonNode ref = envFrom.get(j).path("secretRef");
					if (ref.isObject() && !ref.path("optional").asBoolean()) {
						references.add(new Reference(owner, container + ".envFrom[" + j + "].secretRef.name", namespace,
								ref.path("name").asText(), null));
					}
				}
			}
		}
		JsonNode volumes = podSpec.path("volumes");
		for (int i = 0; i < volumes.size(); i++) {
			String volume = path + ".volumes[" + i + "]";
			JsonNode secret = volumes.get(i).path("secret");
			if (secret.isObject() && !secret.path("optional").asBoolean()) {
				addWithItems(owner, volume + ".secret.secretName", namespace, secret.path("secretName").asText(),
						secret.path("items"), references);
			}
			JsonNode sources = volumes.get(i).path("projected").path("sources");
			for (int j = 0; j < sources.size(); j++) {
				JsonNode projected = sources.get(j).path("secret");
				if (projected.isObject() && !projected.path("optional").asBoolean()) {
					addWithItems(owner, volume + ".projected.sources[" + j + "].secret.name", namespace,
							projected.path("name").asText(), projected.path("items"), references);
				}
			}
		}
	}

	/**
	 * A CloudNativePG backup's object-store credentials ({@code name} and {@code key}
	 * each).
	 */
	private static void fromBackupCredentials(ManifestObject cluster, List<Reference> references) {
		String path = "spec.backup.barmanObjectStore.s3Credentials";
		cluster.path(path).fields().forEachRemaining((credential) -> {
			JsonNode ref = credential.getValue();
			if (ref.path("name").isTextual()) {
				references.add(new Reference(cluster, path + "." + credential.getKey() + ".name", cluster.namespace(),
						ref.path("name").asText(), ref.path("key").asText()));
			}
		});
	}

	/**
	 * A mounted Secret: each item's key, or the whole Secret when no items are listed.
	 */
	private static void addWithItems(ManifestObject owner, String field, String namespace, String name, JsonNode items,
			List<Reference> references) {
		if (items.isEmpty()) {
			references.add(new Reference(owner, field, namespace, name, null));
		}
		for (JsonNode item : items) {
			references.add(new Reference(owner, field, namespace, name, item.path("key").asText()));
		}
	}

	/**
	 * Chart values: the pod-spec shapes charts pass through ({@code secretKeyRef},
	 * {@code secretRef}, {@code secret.secretName}), Grafana's
	 * {@code admin.existingSecret} with its {@code userKey} and {@code passwordKey}, and
	 * Kiali's {@code secret:} strings.
	 */
	private static void fromValues(ManifestObject owner, String namespace, String path, JsonNode node,
			List<Reference> references) {
		if (node.isTextual()) {
			Matcher kiali = KIALI_SECRET.matcher(node.asText());
			if (kiali.matches()) {
				references.add(new Reference(owner, path, namespace, kiali.group(1), kiali.group(2)));
			}
			return;
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				fromValues(owner, namespace, path + "[" + i + "]", node.get(i), references);
			}
			return;
		}
		Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			String at = path + "." + field.getKey();
			JsonNode value = field.getValue();
			switch (field.getKey()) {
				case "secretKeyRef" -> references.add(new Reference(owner, at + ".name", namespace,
						value.path("name").asText(), value.path("key").asText()));
				case "secretRef" ->
					references.add(new Reference(owner, at + ".name", namespace, value.path("name").asText(), null));
				case "existingSecret" -> {
					for (String key : List.of("userKey", "passwordKey")) {
						if (node.path(key).isTextual()) {
							references
								.add(new Reference(owner, at, namespace, value.asText(), node.path(key).asText()));
						}
					}
				}
				case "secret" -> {
					if (value.path("secretName").isTextual()) {
						addWithItems(owner, at + ".secretName", namespace, value.path("secretName").asText(),
								value.path("items"), references);
					}
					else {
						fromValues(owner, namespace, at, value, references);
					}
				}
				default -> fromValues(owner, namespace, at, value, references);
			}
		}
	}

	/**
	 * Secrets that exist because of objects in the bundle: rendered ones, and those the
	 * operators write for them. Names and keys read at the versions this repository pins:
	 * CloudNativePG v1.30.0 (api/v1/cluster_types.go suffixes, pkg/specs/secrets.go keys,
	 * pkg/certs/certs.go ca.crt), cert-manager (Certificate spec.secretName: tls.crt,
	 * tls.key, ca.crt), ECK 3.5.0 (pkg/apis/elasticsearch/v1/name.go "elastic-user",
	 * pkg/controller/elasticsearch/user/predefined.go key "elastic",
	 * pkg/controller/common/certificates/secret.go "http-certs-public" with ca.crt and
	 * tls.crt; Kibana's namer "kb" in pkg/apis/kibana/v1/name.go).
	 */
	static List<Provided> producedBy(List<ManifestObject> objects) {
		List<Provided> provided = new ArrayList<>();
		for (ManifestObject object : objects) {
			String namespace = object.namespace();
			String name = object.name();
			switch (object.type()) {
				case "v1/Secret" -> provided.add(new Provided(namespace, name, renderedKeys(object), "the bundle"));
				case "postgresql.cnpg.io/v1/Cluster" -> {
					String cnpg = "CloudNativePG for Cluster " + name;
					provided.add(new Provided(namespace, name + "-app", Set.of("username", "user", "password", "dbname",
							"host", "port", "pgpass", "uri", "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri"), cnpg));
					provided.add(new Provided(namespace, name + "-ca", Set.of("ca.crt", "ca.key"), cnpg));
					provided.add(new Provided(namespace, name + "-server", Set.of("tls.crt", "tls.key"), cnpg));
					provided.add(new Provided(namespace, name + "-replication", Set.of("tls.crt", "tls.key"), cnpg));
					if (object.path("spec.enableSuperuserAccess").asBoolean()) {
						provided
							.add(new Provided(
									namespace, name + "-superuser", Set.of("username", "user", "password", "dbname",
											"host", "port", "pgpass", "uri", "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri"),
									cnpg));
					}
				}
				case "cert-manager.io/v1/Certificate" ->
					provided.add(new Provided(namespace, object.path("spec.secretName").asText(),
							Set.of("tls.crt", "tls.key", "ca.crt"), "cert-manager for Certificate " + name));
				case "elasticsearch.k8s.elastic.co/v1/Elasticsearch" -> {
					String eck = "ECK for Elasticsearch " + name;
					provided.add(new Provided(namespace, name + "-es-elastic-user", Set.of("elastic"), eck));
					provided
						.add(new Provided(namespace, name + "-es-http-certs-public", Set.of("ca.crt", "tls.crt"), eck));
				}
				case "kibana.k8s.elastic.co/v1/Kibana" -> provided.add(new Provided(namespace,
						name + "-kb-http-certs-public", Set.of("ca.crt", "tls.crt"), "ECK for Kibana " + name));
				default -> {
				}
			}
		}
		return provided;
	}

	static Set<String> renderedKeys(ManifestObject secret) {
		Set<String> keys = new java.util.TreeSet<>();
		for (String map : List.of("data", "stringData")) {
			secret.tree().path(map).fieldNames().forEachRemaining(keys::add);
		}
		return keys;
	}

}
