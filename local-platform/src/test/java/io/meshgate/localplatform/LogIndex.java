package io.meshgate.localplatform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.http.HttpServerTransport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cluster's log index, in the test JVM: one OpenSearch node on loopback with the real
 * {@code observability/logging/index-template.json}, fed with lines the services wrote.
 * Indexing fails on what the cluster would take without a word but lose or mis-map: a
 * value its field's type cannot hold, a field the template does not map, a line that is
 * not JSON.
 * <p>
 * Unmapped fields are found by comparing each line's keys with the template, not by
 * installing it with {@code dynamic: strict}: the template is dynamic on purpose (Fluent
 * Bit adds {@code kubernetes.*} in the cluster), so a strict copy would no longer be the
 * template under test, and a strict engine names only the first unknown field of a
 * document.
 */
final class LogIndex implements AutoCloseable {

	static final Path TEMPLATE = Path.of("observability", "logging", "index-template.json");

	/**
	 * A daily index, as Fluent Bit names them, so that the template's pattern applies.
	 */
	private static final String INDEX = "meshgate-logs-"
			+ LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy.MM.dd"));

	/**
	 * Elasticsearch's index lifecycle management, the one part of the template OpenSearch
	 * refuses ("unknown setting [index.lifecycle.name]"): its own is ISM, a plugin with
	 * other policies and settings. Removed from the copy installed here.
	 */
	private static final String ILM_SETTING = "index.lifecycle.name";

	private static final int MAX_HITS = 10_000;

	private static final int MAX_PROBLEMS_SHOWN = 20;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OpenSearchRunner runner;

	private final URI uri;

	private final Set<String> mappedFields;

	private final HttpClient http = HttpClient.newHttpClient();

	private LogIndex(OpenSearchRunner runner, URI uri, Set<String> mappedFields) {
		this.runner = runner;
		this.uri = uri;
		this.mappedFields = mappedFields;
	}

	/**
	 * Starts the node with its data in the directory and installs the template the
	 * repository holds.
	 */
	static LogIndex start(Path dataDirectory, Path repository) throws IOException, InterruptedException {
		ObjectNode template = (ObjectNode) JSON.readTree(repository.resolve(TEMPLATE).toFile());
		template.withObject("/template/settings").remove(ILM_SETTING);
		OpenSearchRunner runner = new OpenSearchRunner();
		runner.onBuild((number, settings) -> settings.put("network.host", "127.0.0.1")
			.put("http.port", "0")
			.put("transport.port", "0")
			.put("discovery.type", "single-node")
			// A developer's nearly full disk must not turn the index read-only.
			.put("cluster.routing.allocation.disk.threshold_enabled", false));
		// Only the HTTP and transport layer: the template uses core field types alone,
		// and each further module (painless, ingest...) slows the start.
		runner.build(OpenSearchRunner.newConfigs()
			.basePath(dataDirectory.toAbsolutePath().toString())
			.numOfNode(1)
			.clusterName("meshgate-logs")
			// Its log configuration would redirect System.out and System.err into log4j
			// for the rest of the JVM, and lose them once the node closes.
			.disableESLogger()
			.moduleTypes("org.opensearch.transport.Netty4Plugin"));
		int port = runner.getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
		LogIndex index = new LogIndex(runner, URI.create("http://127.0.0.1:" + port), mappedFields(template));
		try {
			// As setup.sh installs it in the cluster: the composable template API.
			index.call("PUT", "/_index_template/meshgate-logs", template.toString());
			index.call("PUT", "/" + INDEX, "{}");
			return index;
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			index.close();
			throw ex;
		}
	}

	/**
	 * Indexes the log of every service of the platform found in the directory; the logs
	 * of PostgreSQL, Redis, Prometheus, Zipkin and the SMTP server are not JSON and not
	 * indexed.
	 */
	void indexServiceLogs(Path logDirectory) throws IOException, InterruptedException {
		for (ServiceDefinition service : Components.SERVICES) {
			Path log = logDirectory.resolve(service.name() + ".log");
			if (Files.isRegularFile(log)) {
				index(log);
			}
		}
	}

	/**
	 * Indexes every line of a service's log, each line one document, searchable as soon
	 * as this returns.
	 * @throws AssertionError naming file, line and reason when a line is not JSON, holds
	 * a field the template does not map, or is rejected or partly ignored by the engine
	 */
	void index(Path serviceLog) throws IOException, InterruptedException {
		String file = serviceLog.getFileName().toString();
		List<String> lines = Files.readAllLines(serviceLog, StandardCharsets.UTF_8);
		List<String> problems = new ArrayList<>();
		Map<String, List<Integer>> unmapped = new LinkedHashMap<>();
		StringBuilder bulk = new StringBuilder();
		for (int number = 1; number <= lines.size(); number++) {
			String line = lines.get(number - 1);
			JsonNode event = parse(line);
			if (event == null || !event.isObject()) {
				problems.add(id(file, number) + ": not a JSON object: " + abbreviate(line));
				continue;
			}
			for (String field : unmappedFields(event)) {
				unmapped.computeIfAbsent(field, (key) -> new ArrayList<>()).add(number);
			}
			bulk.append(JSON.createObjectNode()
				.set("index", JSON.createObjectNode().put("_index", INDEX).put("_id", id(file, number))))
				.append('\n')
				.append(line)
				.append('\n');
		}
		unmapped.forEach((field, numbers) -> problems.add(unmappedField(file, field, numbers, lines)));
		requireNone(problems);
		if (bulk.isEmpty()) {
			return;
		}
		JsonNode response = call("POST", "/_bulk?refresh=true", bulk.toString());
		for (JsonNode item : response.path("items")) {
			JsonNode result = item.path("index");
			if (result.has("error")) {
				problems.add(result.path("_id").asString() + ": rejected: " + reason(result.path("error")));
			}
		}
		problems.addAll(ignoredFields(file, lines.size()));
		requireNone(problems);
	}

	/** The documents of a trace, in file and line order. */
	List<LogLine> findByTraceId(String traceId) throws IOException, InterruptedException {
		return find("traceId", traceId);
	}

	/** The documents whose keyword field holds the value, in file and line order. */
	List<LogLine> find(String keywordField, String value) throws IOException, InterruptedException {
		ObjectNode query = JSON.createObjectNode().put("size", MAX_HITS);
		query.withObject("/query/term").put(keywordField, value);
		return hits(call("POST", "/" + INDEX + "/_search", query.toString())).stream()
			.map(LogLine::of)
			.sorted(Comparator.comparing(LogLine::file).thenComparing(LogLine::lineNumber))
			.toList();
	}

	@Override
	public void close() throws IOException {
		this.runner.close();
		this.runner.clean();
	}

	/**
	 * The template sets {@code ignore_malformed}: a value its field cannot hold (a status
	 * {@code "abc"}) is kept in {@code _source} and the field's name put in
	 * {@code _ignored}, the document is not rejected. Searching that field then misses
	 * the line, so here it is a failure. (OpenSearch 2.19 also takes an object given for
	 * a keyword field without listing it in {@code _ignored}: the key comparison catches
	 * that one, as an unmapped field inside it.)
	 */
	private List<String> ignoredFields(String file, int lineCount) throws IOException, InterruptedException {
		ObjectNode ids = JSON.createObjectNode();
		IntStream.rangeClosed(1, lineCount).forEach((number) -> ids.withArray("values").add(id(file, number)));
		ObjectNode query = JSON.createObjectNode().put("size", lineCount);
		ObjectNode bool = query.withObject("/query/bool");
		bool.putArray("filter")
			.add(JSON.createObjectNode().set("exists", JSON.createObjectNode().put("field", "_ignored")))
			.add(JSON.createObjectNode().set("ids", ids));
		List<String> problems = new ArrayList<>();
		for (JsonNode hit : hits(call("POST", "/" + INDEX + "/_search", query.toString()))) {
			for (JsonNode field : hit.path("_ignored")) {
				problems.add(hit.path("_id").asString() + ": field [" + field.asString()
						+ "] does not fit its mapping and was not indexed: "
						+ hit.path("_source").path(field.asString()));
			}
		}
		return problems;
	}

	private JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.uri.resolve(path))
			.header("Content-Type", path.startsWith("/_bulk") ? "application/x-ndjson" : "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					method + " " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/**
	 * One problem a field, not a line: a field the encoder adds is on nearly every line.
	 */
	private static String unmappedField(String file, String field, List<Integer> numbers, List<String> lines) {
		int first = numbers.get(0);
		return id(file, first) + ": field [" + field + "] is not mapped by " + TEMPLATE.getFileName() + " (on "
				+ numbers.size() + " of " + lines.size() + " lines): " + abbreviate(lines.get(first - 1));
	}

	private Set<String> unmappedFields(JsonNode event) {
		Set<String> fields = new LinkedHashSet<>();
		leafFields("", event, fields);
		fields.removeAll(this.mappedFields);
		return fields;
	}

	/**
	 * The dotted paths of a line's values, nested objects included, as the engine would
	 * map them ({@code {"a":{"b":1}}} and {@code {"a.b":1}} are both {@code a.b}).
	 */
	private static void leafFields(String prefix, JsonNode node, Set<String> fields) {
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			String path = prefix + property.getKey();
			JsonNode value = property.getValue();
			List<JsonNode> objects = (value.isArray() ? value.valueStream() : Stream.of(value))
				.filter((element) -> element.isObject() && !element.isEmpty())
				.toList();
			if (objects.isEmpty()) {
				fields.add(path);
			}
			objects.forEach((object) -> leafFields(path + ".", object, fields));
		}
	}

	/** Every field the template maps, objects and their fields as dotted paths. */
	private static Set<String> mappedFields(JsonNode template) {
		Set<String> fields = new LinkedHashSet<>();
		mappedFields("", template.path("template").path("mappings").path("properties"), fields);
		return Set.copyOf(fields);
	}

	private static void mappedFields(String prefix, JsonNode properties, Set<String> fields) {
		for (Map.Entry<String, JsonNode> property : properties.properties()) {
			String path = prefix + property.getKey();
			fields.add(path);
			mappedFields(path + ".", property.getValue().path("properties"), fields);
		}
	}

	private static List<JsonNode> hits(JsonNode response) {
		return response.path("hits").path("hits").valueStream().toList();
	}

	private static String reason(JsonNode error) {
		String reason = error.path("type").asString() + ": " + error.path("reason").asString();
		JsonNode cause = error.path("caused_by");
		return cause.isMissingNode() ? reason : reason + " (caused by " + reason(cause) + ")";
	}

	private static JsonNode parse(String line) {
		try {
			return JSON.readTree(line);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static void requireNone(List<String> problems) {
		if (problems.isEmpty()) {
			return;
		}
		StringBuilder message = new StringBuilder("log lines the index cannot take as they are:");
		problems.stream().limit(MAX_PROBLEMS_SHOWN).forEach((problem) -> message.append("\n  ").append(problem));
		if (problems.size() > MAX_PROBLEMS_SHOWN) {
			message.append("\n  ... and ").append(problems.size() - MAX_PROBLEMS_SHOWN).append(" more");
		}
		throw new AssertionError(message);
	}

	private static String abbreviate(String line) {
		return (line.length() > 200) ? line.substring(0, 200) + "..." : line;
	}

	/**
	 * The document id says where the line came from, so that a failure and a hit name
	 * file and line without adding a field to the document. A file indexed again replaces
	 * its lines.
	 */
	private static String id(String file, int lineNumber) {
		return file + ":" + lineNumber;
	}

	/**
	 * One indexed log line.
	 *
	 * @param file the log file's name, such as {@code api-gateway.log}
	 * @param lineNumber its line in that file, from 1
	 */
	record LogLine(String file, int lineNumber, String service, String level, String logger, String message,
			String traceId, String stackTrace) {

		static LogLine of(JsonNode hit) {
			String id = hit.path("_id").asString();
			int colon = id.lastIndexOf(':');
			JsonNode source = hit.path("_source");
			return new LogLine(id.substring(0, colon), Integer.parseInt(id.substring(colon + 1)),
					text(source, "service"), text(source, "level"), text(source, "logger"), text(source, "message"),
					text(source, "traceId"), text(source, "stack_trace"));
		}

		private static String text(JsonNode source, String field) {
			JsonNode value = source.path(field);
			return value.isValueNode() && !value.isNull() ? value.asString() : null;
		}

	}

}
