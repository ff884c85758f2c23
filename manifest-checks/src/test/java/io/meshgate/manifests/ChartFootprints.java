package io.meshgate.manifests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code argocd/chart-footprints.yaml}: what each pinned chart writes with the values its
 * Application gives it, read from the chart at that version.
 */
final class ChartFootprints {

	private final String file;

	private final List<Footprint> footprints;

	private ChartFootprints(String file, List<Footprint> footprints) {
		this.file = file;
		this.footprints = footprints;
	}

	static ChartFootprints ofRepository() {
		return load(Repository.root().resolve("argocd/chart-footprints.yaml"));
	}

	static ChartFootprints load(Path path) {
		List<Footprint> footprints = new ArrayList<>();
		JsonNode charts = Yaml.documents(path).get(0).path("charts");
		for (int i = 0; i < charts.size(); i++) {
			footprints.add(new Footprint(i, charts.get(i)));
		}
		return new ChartFootprints(Repository.relative(path), List.copyOf(footprints));
	}

	String file() {
		return this.file;
	}

	List<Footprint> all() {
		return this.footprints;
	}

	/** The entry for an Application source's chart and repository. */
	Optional<Footprint> of(JsonNode source) {
		return this.footprints.stream()
			.filter((footprint) -> footprint.chart().equals(source.path("chart").asText())
					&& footprint.repoURL().equals(source.path("repoURL").asText()))
			.findFirst();
	}

	/**
	 * One chart's entry.
	 *
	 * @param index its position under {@code charts}
	 * @param tree the entry itself
	 */
	record Footprint(int index, JsonNode tree) {

		String chart() {
			return this.tree.path("chart").asText();
		}

		String repoURL() {
			return this.tree.path("repoURL").asText();
		}

		String version() {
			return this.tree.path("version").asText();
		}

		List<String> namespaces() {
			List<String> namespaces = new ArrayList<>();
			this.tree.path("namespaces").forEach((namespace) -> namespaces.add(namespace.asText()));
			return namespaces;
		}

		/**
		 * Its namespaced objects, one per namespace and of any kind, then its
		 * cluster-scoped kinds.
		 */
		List<ArgoCdApps.Write> writes(String app) {
			List<ArgoCdApps.Write> writes = new ArrayList<>();
			String what = "(chart " + chart() + " of " + app + ")";
			for (String namespace : namespaces()) {
				writes.add(new ArgoCdApps.Write("*", "*", namespace, what));
			}
			for (JsonNode kind : this.tree.path("clusterScopedKinds")) {
				writes.add(new ArgoCdApps.Write(kind.path("group").asText(), kind.path("kind").asText(), "", what));
			}
			return writes;
		}

	}

}
