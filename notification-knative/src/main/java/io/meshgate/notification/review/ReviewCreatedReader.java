package io.meshgate.notification.review;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.meshgate.notification.cloudevent.CloudEventProblems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns a CloudEvent into a {@link ReviewCreated}, or into a 400 that says what is wrong
 * with it: another type (a Trigger filter that lets too much through), data that is not
 * JSON, or required fields missing or out of range.
 */
@Component
class ReviewCreatedReader {

	static final String TYPE = "io.meshgate.review.created";

	private final ObjectReader json;

	private final Validator validator;

	ReviewCreatedReader(JsonMapper jsonMapper, Validator validator) {
		// Consumers ignore unknown fields (CONTRACTS.md), whatever the mapper's default.
		this.json = jsonMapper.readerFor(ReviewCreated.class)
			.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		this.validator = validator;
	}

	ReviewCreated read(CloudEvent event) {
		if (!TYPE.equals(event.getType())) {
			throw CloudEventProblems.invalidEvent("This service handles only events of type " + TYPE + ".",
					List.of(new CloudEventProblems.FieldError("ce-type", "must be " + TYPE)));
		}
		CloudEventData data = event.getData();
		if (data == null || data.toBytes().length == 0) {
			throw CloudEventProblems.invalidEvent("The event has no data.");
		}
		ReviewCreated review = parse(data.toBytes());
		List<CloudEventProblems.FieldError> errors = this.validator.validate(review)
			.stream()
			.map(ReviewCreatedReader::fieldError)
			.sorted(Comparator.comparing(CloudEventProblems.FieldError::field))
			.toList();
		if (!errors.isEmpty()) {
			throw CloudEventProblems.invalidEvent("The event data has invalid fields.", errors);
		}
		return review;
	}

	private ReviewCreated parse(byte[] data) {
		ReviewCreated review;
		try {
			review = this.json.readValue(data);
		}
		catch (DatabindException ex) {
			String field = ex.getPath().stream().map(ReviewCreatedReader::name).collect(Collectors.joining("."));
			if (field.isEmpty()) {
				throw CloudEventProblems.invalidEvent("The event data is not a JSON object.");
			}
			throw CloudEventProblems.invalidEvent("The event data has invalid fields.",
					List.of(new CloudEventProblems.FieldError(field, "has the wrong type or format")));
		}
		catch (JacksonException ex) {
			throw CloudEventProblems.invalidEvent("The event data is not valid JSON.");
		}
		if (review == null) {
			throw CloudEventProblems.invalidEvent("The event data is not a JSON object.");
		}
		return review;
	}

	private static String name(JacksonException.Reference reference) {
		return (reference.getPropertyName() != null) ? reference.getPropertyName()
				: String.valueOf(reference.getIndex());
	}

	private static CloudEventProblems.FieldError fieldError(ConstraintViolation<ReviewCreated> violation) {
		return new CloudEventProblems.FieldError(violation.getPropertyPath().toString(), violation.getMessage());
	}

}
