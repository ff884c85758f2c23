package io.meshgate.review.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Delivers one outbox event to the sink as a CloudEvent in HTTP binary mode: attributes
 * as {@code ce-*} headers (the stored trace context as the {@code traceparent}
 * extension), the data as a JSON body. The SDK's generic HTTP binding writes the headers;
 * cloudevents-spring is not used because its HTTP reader fails on Spring Framework 7,
 * whose {@code HttpHeaders} is no longer a {@code Map}.
 */
class CloudEventSender {

	private static final String TRACEPARENT_EXTENSION = "traceparent";

	private final RestClient client;

	private final URI source;

	CloudEventSender(RestClient client, URI source) {
		this.client = client;
		this.source = source;
	}

	/**
	 * POSTs the event; the client's observation adds a plain {@code traceparent} header
	 * for the current span, so the receiver's server span joins the trace.
	 * @throws RestClientResponseException if the sink answered but not 2xx
	 * @throws RestClientException if it did not answer
	 */
	void send(URI sink, OutboxEvent event) {
		HttpHeaders headers = new HttpHeaders();
		HttpMessageFactory.createWriter(headers::set, (body) -> post(sink, headers, body))
			.writeBinary(cloudEvent(event));
	}

	CloudEvent cloudEvent(OutboxEvent event) {
		CloudEventBuilder builder = CloudEventBuilder.v1()
			.withId(event.id().toString())
			.withSource(this.source)
			.withType(event.type())
			.withSubject(event.subject())
			.withTime(event.createdAt().atOffset(ZoneOffset.UTC))
			.withData(MediaType.APPLICATION_JSON_VALUE, event.data().getBytes(StandardCharsets.UTF_8));
		if (event.traceparent() != null) {
			builder.withExtension(TRACEPARENT_EXTENSION, event.traceparent());
		}
		return builder.build();
	}

	private void post(URI sink, HttpHeaders headers, byte[] body) {
		this.client.post()
			.uri(sink)
			.headers((request) -> request.addAll(headers))
			.body(body)
			.retrieve()
			// Without the body: what a sink echoes may hold the event's data, which must
			// not reach the logs.
			.onStatus((status) -> !status.is2xxSuccessful(), (request, response) -> {
				throw new RestClientResponseException("sink answered " + response.getStatusCode().value(),
						response.getStatusCode(), response.getStatusText(), null, null, null);
			})
			.toBodilessEntity();
	}

}
