package io.meshgate.notification.cloudevent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.rw.CloudEventRWException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads a CloudEvent that Knative delivers over HTTP in binary mode (attributes in
 * {@code ce-*} headers, the data as the body) with the CloudEvents SDK, and holds it to
 * what every Meshgate event must be (CONTRACTS.md, "Events"): spec version 1.0, a
 * non-empty {@code id} and {@code source} short enough to be an idempotency key, JSON
 * data. Structured mode is refused: no Meshgate producer sends it, and accepting two
 * encodings doubles what has to be right.
 */
@Component
public class BinaryCloudEvents {

	/** Producers use UUIDs (36 characters); anything far longer is not one of ours. */
	static final int MAX_ID_LENGTH = 128;

	/** Producers use {@code /<service-name>}. */
	static final int MAX_SOURCE_LENGTH = 256;

	/** Types are {@code io.meshgate.<entity>.<past-tense-verb>}. */
	static final int MAX_TYPE_LENGTH = 256;

	private static final String STRUCTURED_MODE = "application/cloudevents";

	/** An event whose data must be JSON, as every Meshgate event's is. */
	public CloudEvent read(HttpHeaders headers, byte[] body) {
		requireBinaryMode(headers);
		MediaType contentType = contentType(headers);
		if (contentType == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType)) {
			throw CloudEventProblems.unsupportedContentType("The event data must be application/json.");
		}
		return toEvent(headers, body);
	}

	/**
	 * An event whose data is not looked at, with any content type: what a dead-letter
	 * sink must still accept.
	 */
	public CloudEvent readWithAnyData(HttpHeaders headers, byte[] body) {
		requireBinaryMode(headers);
		return toEvent(headers, body);
	}

	private static CloudEvent toEvent(HttpHeaders headers, byte[] body) {
		List<CloudEventProblems.FieldError> errors = new ArrayList<>();
		check(headers, "ce-id", MAX_ID_LENGTH, errors);
		check(headers, "ce-source", MAX_SOURCE_LENGTH, errors);
		check(headers, "ce-type", MAX_TYPE_LENGTH, errors);
		if (!errors.isEmpty()) {
			throw CloudEventProblems.invalidEvent("The event lacks a required attribute or has one that is too long.",
					errors);
		}
		try {
			return HttpMessageFactory
				.createReader((header) -> headers
					.forEach((name, values) -> values.forEach((value) -> header.accept(name, value))), body)
				.toEvent();
		}
		catch (CloudEventRWException ex) {
			// The SDK's message can name Java types; the rules it enforces are these.
			throw CloudEventProblems.invalidEvent("The event attributes are invalid: source must be a URI reference, "
					+ "time an RFC 3339 timestamp, extension names lower-case letters and digits.");
		}
	}

	private static void requireBinaryMode(HttpHeaders headers) {
		MediaType contentType = contentType(headers);
		if (contentType != null && contentType.toString().toLowerCase(Locale.ROOT).startsWith(STRUCTURED_MODE)) {
			throw CloudEventProblems.unsupportedContentType(
					"Structured mode is not accepted: send the event in binary mode (ce-* headers, JSON data as the body).");
		}
		String specVersion = headers.getFirst("ce-specversion");
		if (specVersion == null) {
			throw CloudEventProblems
				.invalidEvent("Not a CloudEvent in binary mode: the ce-specversion header is missing.");
		}
		if (!SpecVersion.V1.toString().equals(specVersion)) {
			throw CloudEventProblems.invalidEvent("Only CloudEvents spec version 1.0 is accepted.");
		}
	}

	private static MediaType contentType(HttpHeaders headers) {
		try {
			return headers.getContentType();
		}
		catch (IllegalArgumentException ex) {
			throw CloudEventProblems.unsupportedContentType("The Content-Type header is not a media type.");
		}
	}

	private static void check(HttpHeaders headers, String name, int maxLength,
			List<CloudEventProblems.FieldError> errors) {
		String value = headers.getFirst(name);
		if (value == null || value.isBlank()) {
			errors.add(new CloudEventProblems.FieldError(name, "is required and must not be empty"));
		}
		else if (value.length() > maxLength) {
			errors.add(new CloudEventProblems.FieldError(name, "must be at most " + maxLength + " characters"));
		}
	}

}
