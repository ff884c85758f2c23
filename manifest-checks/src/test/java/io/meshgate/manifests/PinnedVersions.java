package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every upstream version the repository pins, found where it is written: Helm charts of
 * Argo CD Applications, container images (pod templates, CloudNativePG's
 * {@code imageName}, images set in chart values), the version an operator installs
 * ({@code spec.version} of a custom resource), GitHub release URLs, and the
 * {@code readonly} pins of a shell script. docs/versions.md must list each one.
 */
final class PinnedVersions {

	/** Built from this repository and versioned with it (CONTRACTS.md), not upstream. */
	private static final String OWN_IMAGES = "meshgate/";

	private static final Set<String> IMAGE_FIELDS = Set.of("image", "imageName");

	/** Chart values that set an image's version; kiali-server calls it image_version. */
	private static final Set<String> TAG_FIELDS = Set.of("tag", "image_version");

	/** Where an operator's custom resource names the release it installs. */
	private static final List<String> OPERAND_VERSION_FIELDS = List.of("spec.version", "spec.kafka.version");

	private static final Pattern GITHUB_RELEASE = Pattern
		.compile("https://github\\.com/([^/]+/[^/]+)/releases/download/([^/]+)/\\S+");

	private static final Pattern READONLY = Pattern.compile("readonly ([A-Za-z_][A-Za-z0-9_]*)=\"([^\"]*)\"");

	private static final Pattern MAVEN_COORDINATES = Pattern.compile("([\\w.-]+:[\\w.-]+):([\\w.-]+)");

	private static final Pattern BARE_VERSION = Pattern.compile("v?\\d+(\\.\\d+)+");

	private PinnedVersions() {
	}

	/**
	 * One pinned version.
	 *
	 * @param component what is pinned, as docs/versions.md names it: chart
	 * {@code <repo host and path>/<chart>}, image repository, {@code <group>/<Kind>} of a
	 * custom resource, {@code github.com/<owner>/<repo>} of a release, a script variable
	 * @param version the version, tag or digest as written
	 * @param file the file that pins it
	 * @param object the object (or script line) that pins it
	 * @param field the field (or script variable) that holds the version
	 */
	record Pin(String component, String version, String file, String object, String field) {

		Violation violation(String problem) {
			return new Violation(this.file, this.object, this.field, problem);
		}

		@Override
		public String toString() {
			return this.component + " " + this.version;
		}

	}

	static List<Pin> of(List<ManifestObject> objects) {
		List<Pin> pins = new ArrayList<>();
		for (ManifestObject object : objects) {
			new Walk(object, pins).visit(object.tree(), "", null);
			addOperandVersions(object, pins);
		}
		return pins;
	}

	/** The {@code readonly NAME="value"} lines of a shell script that pin a version. */
	static List<Pin> ofScript(Path script) {
		List<String> lines = readLines(script);
		List<Pin> pins = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher readonly = READONLY.matcher(lines.get(i).strip());
			if (readonly.matches()) {
				String name = readonly.group(1);
				String object = "line " + (i + 1);
				scriptPin(name, readonly.group(2), lines).ifPresent((pinned) -> pins
					.add(new Pin(pinned.getKey(), pinned.getValue(), Repository.relative(script), object, name)));
			}
		}
		return pins;
	}

	private static void addOperandVersions(ManifestObject object, List<Pin> pins) {
		String apiVersion = object.apiVersion();
		String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
		// Kubernetes's own APIs (APIService.spec.version names an API, not a release).
		if (group.isEmpty() || group.endsWith("k8s.io")) {
			return;
		}
		for (String field : OPERAND_VERSION_FIELDS) {
			JsonNode version = object.path(field);
			if (version.isTextual()) {
				pins.add(new Pin(group + "/" + object.kind(), version.asText(), object.file(), object.describe(),
						field));
			}
		}
	}

	/**
	 * An image reference split into repository and version: tag, digest or tag@digest.
	 */
	private static Map.Entry<String, String> image(String reference) {
		int digest = reference.indexOf('@');
		String named = (digest >= 0) ? reference.substring(0, digest) : reference;
		int colon = named.lastIndexOf(':');
		boolean tagged = colon > named.lastIndexOf('/');
		String repository = tagged ? named.substring(0, colon) : named;
		String tag = tagged ? named.substring(colon + 1) : "";
		String sha = (digest >= 0) ? reference.substring(digest + 1) : "";
		String version = Stream.of(tag, sha).filter((part) -> !part.isEmpty()).collect(Collectors.joining("@"));
		return Map.entry(repository, version);
	}

	private static boolean isOwnImage(String repository) {
		return repository.startsWith(OWN_IMAGES);
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Walks one object. Inside a chart's {@code helm.valuesObject}, a {@code tag} next to
	 * a {@code repository} is an image; a {@code tag} alone is named after the chart and
	 * its values path.
	 */
	private record Walk(ManifestObject object, List<Pin> pins) {

		void visit(JsonNode node, String path, ChartValues values) {
			if (node.isObject()) {
				ChartValues inner = values;
				if (node.path("chart").isTextual() && node.has("targetRevision")) {
					String chart = chartReference(node.path("repoURL").asText(), node.path("chart").asText());
					add(chart, node.path("targetRevision").asText(), child(path, "targetRevision"));
					inner = new ChartValues(chart, child(child(path, "helm"), "valuesObject"));
				}
				for (Map.Entry<String, JsonNode> field : node.properties()) {
					String fieldPath = child(path, field.getKey());
					if (field.getValue().isTextual()) {
						text(node, field.getKey(), field.getValue().asText(), fieldPath, inner);
					}
					else {
						visit(field.getValue(), fieldPath, inner);
					}
				}
			}
			else if (node.isArray()) {
				for (int i = 0; i < node.size(); i++) {
					String elementPath = path + "[" + i + "]";
					if (node.get(i).isTextual()) {
						text(node, "", node.get(i).asText(), elementPath, values);
					}
					else {
						visit(node.get(i), elementPath, values);
					}
				}
			}
		}

		private void text(JsonNode parent, String key, String text, String path, ChartValues values) {
			if (IMAGE_FIELDS.contains(key)) {
				Map.Entry<String, String> image = image(text);
				if (!isOwnImage(image.getKey())) {
					add(image.getKey(), image.getValue(), path);
				}
			}
			else if (TAG_FIELDS.contains(key) && values != null && path.startsWith(values.path() + ".")) {
				addChartValuesTag(parent, text, path, values);
			}
			Matcher release = GITHUB_RELEASE.matcher(text);
			if (release.matches()) {
				add("github.com/" + release.group(1), release.group(2), path);
			}
		}

		private void addChartValuesTag(JsonNode parent, String tag, String path, ChartValues values) {
			String parentPath = path.substring(0, path.lastIndexOf('.'));
			if (parent.path("repository").isTextual()) {
				String registry = parent.path("registry").asText("");
				String repository = (registry.isEmpty() ? "" : registry + "/") + parent.path("repository").asText();
				if (!isOwnImage(repository)) {
					add(repository, tag, path);
				}
			}
			else {
				String valuesPath = parentPath.equals(values.path()) ? ""
						: " " + parentPath.substring(values.path().length() + 1);
				add(values.chart() + valuesPath, tag, path);
			}
		}

		private void add(String component, String version, String field) {
			this.pins.add(new Pin(component, version, this.object.file(), this.object.describe(), field));
		}

		private static String child(String path, String name) {
			return path.isEmpty() ? name : path + "." + name;
		}

		private static String chartReference(String repoURL, String chart) {
			String repository = repoURL.replaceFirst("^[a-z]+://", "").replaceFirst("/+$", "");
			return repository + "/" + chart;
		}

	}

	/**
	 * The values of one chart.
	 *
	 * @param chart the chart, as its pin names it
	 * @param path the JSON path of its {@code helm.valuesObject}
	 */
	private record ChartValues(String chart, String path) {
	}

	/** What one {@code readonly} value of a script pins, if anything. */
	private static Optional<Map.Entry<String, String>> scriptPin(String name, String value, List<String> lines) {
		Matcher release = GITHUB_RELEASE.matcher(value);
		if (release.matches()) {
			return Optional.of(Map.entry("github.com/" + release.group(1), release.group(2)));
		}
		if (value.contains("://")) {
			return Optional.empty();
		}
		Matcher maven = MAVEN_COORDINATES.matcher(value);
		if (maven.matches()) {
			return Optional.of(Map.entry(maven.group(1), maven.group(2)));
		}
		if (value.contains(":")) {
			Map.Entry<String, String> image = image(value);
			return isOwnImage(image.getKey()) ? Optional.empty() : Optional.of(image);
		}
		if (BARE_VERSION.matcher(value).matches() && !onlyTagsOwnImages(name, lines)) {
			return Optional.of(Map.entry(name, value));
		}
		return Optional.empty();
	}

	/** The version of the images this repository builds: every use names meshgate/. */
	private static boolean onlyTagsOwnImages(String name, List<String> lines) {
		List<String> uses = lines.stream()
			.filter((line) -> line.contains("${" + name + "}"))
			.filter((line) -> !READONLY.matcher(line.strip()).matches())
			.toList();
		return !uses.isEmpty() && uses.stream().allMatch((line) -> line.contains(OWN_IMAGES));
	}

}
