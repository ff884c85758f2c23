package io.meshgate.notification.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An {@code io.meshgate.review.created} event in HTTP binary mode, as the broker delivers
 * it (CONTRACTS.md), with a fresh event id, review and reviewer; each {@code with...}
 * returns a changed copy, so a test states only what it breaks.
 *
 * @param headers the HTTP headers: {@code ce-*} attributes and Content-Type
 * @param data the JSON body, or null for none
 */
public record TestEvent(Map<String, String> headers, String data) {

	private static final JsonMapper JSON = JsonMapper.shared();

	/** A valid event for a reviewer with this address, or without one when null. */
	public static TestEvent reviewCreated(String reviewerEmail) {
		UUID reviewId = UUID.randomUUID();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("ce-specversion", "1.0");
		headers.put("ce-type", "io.meshgate.review.created");
		headers.put("ce-source", "/review-service");
		headers.put("ce-id", UUID.randomUUID().toString());
		headers.put("ce-time", Instant.now().toString());
		headers.put("ce-subject", reviewId.toString());
		headers.put("Content-Type", "application/json");
		ObjectNode data = JSON.createObjectNode()
			.put("reviewId", reviewId.toString())
			.put("productId", UUID.randomUUID().toString())
			.put("productName", "Trail Runner 2")
			.put("reviewerId", UUID.randomUUID().toString())
			.put("reviewerEmail", reviewerEmail)
			.put("rating", 4)
			.put("text", "Light and grippy.")
			.put("createdAt", Instant.now().toString());
		return new TestEvent(headers, JSON.writeValueAsString(data));
	}

	/** A fresh address nobody else's test writes to. */
	public static String freshAddress() {
		return "reviewer-" + UUID.randomUUID() + "@example.com";
	}

	public String id() {
		return this.headers.get("ce-id");
	}

	public TestEvent withHeader(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		return new TestEvent(headers, this.data);
	}

	public TestEvent withoutHeader(String name) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.remove(name);
		return new TestEvent(headers, this.data);
	}

	public TestEvent withData(String data) {
		return new TestEvent(this.headers, data);
	}

	/**
	 * The data with one field set to a JSON value (written as JSON: {@code "\"x\""},
	 * {@code 7}).
	 */
	public TestEvent withDataField(String field, String jsonValue) {
		ObjectNode data = (ObjectNode) JSON.readTree(this.data);
		data.set(field, JSON.readTree(jsonValue));
		return withData(JSON.writeValueAsString(data));
	}

	public TestEvent withoutDataField(String field) {
		ObjectNode data = (ObjectNode) JSON.readTree(this.data);
		data.remove(field);
		return withData(JSON.writeValueAsString(data));
	}

}
