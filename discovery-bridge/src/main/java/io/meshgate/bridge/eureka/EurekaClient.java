package io.meshgate.bridge.eureka;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The four calls of Eureka's REST API the bridge needs: read an application, register,
 * renew and cancel an instance. Not eureka-client: that library registers the process it
 * runs in, owns a background registry cache and brings Jersey, while the bridge registers
 * other workloads and needs every call to be explicit
 * (docs/adr/0008-discovery-bridge.md).
 */
public class EurekaClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	// Eureka rejects an instance without a data centre; "MyOwn" is what eureka-client
	// sends outside AWS.
	private static final String DATA_CENTER_CLASS = "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo";

	private final HttpClient http;

	private final Duration timeout;

	public EurekaClient(HttpClient http, Duration timeout) {
		this.http = http;
		this.timeout = timeout;
	}

	/**
	 * Runs one pass against the first server that can be reached, in the order given, as
	 * a Eureka client fails over along its {@code defaultZone}: peers replicate, so one
	 * server is enough. A server that refuses a request ends the pass.
	 * @param servers the base URLs, in order of preference
	 * @param pass what to do with a server
	 * @return what the pass returned
	 * @throws EurekaException when no server could be reached, or one refused a request
	 */
	public <T> T onFirstReachable(List<URI> servers, Function<URI, T> pass) {
		List<String> failures = new ArrayList<>();
		for (URI server : servers) {
			try {
				return pass.apply(server);
			}
			catch (EurekaException ex) {
				if (!ex.unreachable()) {
					throw ex;
				}
				failures.add(ex.getMessage());
			}
		}
		throw new EurekaException(String.join("; ", failures), true, null);
	}

	/** The instances of an application; none when Eureka does not know it. */
	public List<EurekaInstance> instances(URI server, String app) {
		HttpResponse<String> response = send(server, HttpRequest.newBuilder(appUri(server, app)).GET());
		if (response.statusCode() == 404) {
			return List.of();
		}
		expect(response, 200, "read " + app);
		try {
			return parseApplication(JSON.readTree(response.body()));
		}
		catch (IOException ex) {
			throw new EurekaException("Eureka at " + server + " answered unreadable JSON for " + app, false, ex);
		}
	}

	public void register(URI server, EurekaInstance instance) {
		HttpRequest.Builder request = HttpRequest.newBuilder(appUri(server, instance.app()))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(toJson(instance)));
		expect(send(server, request), 204, "register " + instance.instanceId());
	}

	/**
	 * Renews the lease of an instance.
	 * @return false when Eureka does not know the instance (it restarted, or evicted it),
	 * which calls for a new registration
	 */
	public boolean renew(URI server, EurekaInstance instance) {
		HttpResponse<String> response = send(server,
				HttpRequest.newBuilder(instanceUri(server, instance.app(), instance.instanceId()))
					.PUT(BodyPublishers.noBody()));
		if (response.statusCode() == 404) {
			return false;
		}
		expect(response, 200, "renew " + instance.instanceId());
		return true;
	}

	/** Cancels a registration; an instance Eureka no longer knows is already gone. */
	public void deregister(URI server, String app, String instanceId) {
		HttpResponse<String> response = send(server,
				HttpRequest.newBuilder(instanceUri(server, app, instanceId)).DELETE());
		if (response.statusCode() != 404) {
			expect(response, 200, "deregister " + instanceId);
		}
	}

	private HttpResponse<String> send(URI server, HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(this.timeout).header("Accept", "application/json").build(),
					BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new EurekaException("Eureka at " + server + " is unreachable: " + describe(ex), true, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EurekaException("interrupted while calling Eureka at " + server, true, ex);
		}
	}

	private static void expect(HttpResponse<String> response, int status, String what) {
		int actual = response.statusCode();
		if (actual == status || (status == 204 && actual == 200)) {
			return;
		}
		boolean serverError = actual >= 500;
		throw new EurekaException("Eureka at " + response.uri().resolve("/") + " answered " + actual + " to " + what,
				serverError, null);
	}

	private static String describe(IOException ex) {
		return (ex.getMessage() != null) ? ex.getClass().getSimpleName() + ": " + ex.getMessage()
				: ex.getClass().getSimpleName();
	}

	private static URI appUri(URI server, String app) {
		return URI.create(base(server) + "/apps/" + segment(app.toUpperCase(Locale.ROOT)));
	}

	private static URI instanceUri(URI server, String app, String instanceId) {
		return URI.create(appUri(server, app) + "/" + segment(instanceId));
	}

	private static String base(URI server) {
		String text = server.toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	private static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	static String toJson(EurekaInstance instance) {
		ObjectNode root = JSON.createObjectNode();
		ObjectNode node = root.putObject("instance");
		node.put("instanceId", instance.instanceId());
		node.put("app", instance.app());
		node.put("hostName", instance.hostName());
		node.put("ipAddr", instance.ipAddr());
		node.put("status", instance.status());
		node.put("vipAddress", instance.vipAddress());
		node.put("secureVipAddress", instance.vipAddress());
		node.putObject("port").put("$", instance.port()).put("@enabled", "true");
		node.putObject("securePort").put("$", 443).put("@enabled", "false");
		node.put("homePageUrl", "http://" + instance.hostName() + ":" + instance.port() + "/");
		node.putObject("dataCenterInfo").put("@class", DATA_CENTER_CLASS).put("name", "MyOwn");
		node.putObject("leaseInfo")
			.put("renewalIntervalInSecs", instance.renewalIntervalSeconds())
			.put("durationInSecs", instance.durationSeconds());
		ObjectNode metadata = node.putObject("metadata");
		instance.metadata().forEach(metadata::put);
		return root.toString();
	}

	static List<EurekaInstance> parseApplication(JsonNode body) {
		JsonNode instances = body.path("application").path("instance");
		List<EurekaInstance> result = new ArrayList<>();
		// Eureka's JSON codec writes a single instance as an object rather than a list.
		if (instances.isObject()) {
			result.add(parseInstance(instances));
		}
		for (JsonNode instance : instances.isArray() ? instances : List.<JsonNode>of()) {
			result.add(parseInstance(instance));
		}
		return result;
	}

	private static EurekaInstance parseInstance(JsonNode node) {
		Map<String, String> metadata = new LinkedHashMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> fields = node.path("metadata").fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			// Eureka marks an empty map with its Java class.
			if (!field.getKey().startsWith("@")) {
				metadata.put(field.getKey(), field.getValue().asText());
			}
		}
		String hostName = node.path("hostName").asText();
		return new EurekaInstance(node.path("instanceId").asText(hostName), node.path("app").asText(), hostName,
				node.path("ipAddr").asText(), node.path("port").path("$").asInt(), node.path("status").asText(),
				metadata, node.path("leaseInfo").path("renewalIntervalInSecs").asInt(),
				node.path("leaseInfo").path("durationInSecs").asInt());
	}

}
