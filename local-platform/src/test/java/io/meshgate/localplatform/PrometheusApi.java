package io.meshgate.localplatform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The parts of the local Prometheus's HTTP API the tests read. */
final class PrometheusApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	PrometheusApi(int port) {
		this.baseUrl = "http://127.0.0.1:" + port + "/api/v1/";
	}

	/** Each scrape job that is not up, with Prometheus's reason. */
	Map<String, String> targetsNotUp() throws IOException, InterruptedException {
		return data("targets").path("activeTargets")
			.valueStream()
			.filter((target) -> !"up".equals(target.path("health").asString("")))
			.collect(Collectors.toMap((target) -> target.path("labels").path("job").asString(""),
					(target) -> target.path("lastError").asString("")));
	}

	/** The {@code app} labels of the series named {@code metric}. */
	List<String> appsExposing(String metric) throws IOException, InterruptedException {
		return data("series?match[]=" + encode(metric)).valueStream()
			.map((series) -> series.path("app").asString(""))
			.distinct()
			.sorted()
			.toList();
	}

	/**
	 * The trace ids of the exemplars stored since {@code since} for the series selector.
	 */
	List<String> exemplarTraceIds(String selector, Instant since) throws IOException, InterruptedException {
		return data("query_exemplars?query=" + encode(selector) + "&start=" + since.getEpochSecond() + "&end="
				+ Instant.now().plusSeconds(60).getEpochSecond())
			.valueStream()
			.flatMap((series) -> series.path("exemplars").valueStream())
			.map((exemplar) -> exemplar.path("labels").path("trace_id").asString(""))
			.toList();
	}

	private JsonNode data(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body()).path("data");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
