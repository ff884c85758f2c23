package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The dashboards of {@code observability/grafana/dashboards} and their queries. */
final class GrafanaDashboards {

	static final Path DIR = Repository.root().resolve("observability/grafana/dashboards");

	private static final ObjectMapper JSON = new ObjectMapper();

	private GrafanaDashboards() {
	}

	static List<Path> files() {
		try (Stream<Path> files = Files.list(DIR)) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode read(Path file) {
		try {
			return JSON.readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every PromQL query of every panel.
	 * @return the queries, each with the dashboard and panel it belongs to
	 */
	static List<Query> queries() {
		List<Query> queries = new ArrayList<>();
		for (Path file : files()) {
			JsonNode dashboard = read(file);
			for (JsonNode panel : dashboard.path("panels")) {
				for (JsonNode target : panel.path("targets")) {
					queries.add(new Query(dashboard.path("uid").asText(), panel.path("id").asInt(),
							target.path("refId").asText(), target.path("expr").asText()));
				}
			}
		}
		return queries;
	}

	/**
	 * One query of one panel.
	 *
	 * @param dashboard the dashboard's uid
	 * @param panel the panel's id
	 * @param refId the query's letter in the panel
	 * @param expr the PromQL, with Grafana's variables
	 */
	record Query(String dashboard, int panel, String refId, String expr) {

		/**
		 * A name promtool accepts for a recording rule, and that says where the query is.
		 */
		String recordName() {
			return "dashboard:" + this.dashboard.replace('-', '_') + ":panel_" + this.panel + "_" + this.refId;
		}

	}

}
