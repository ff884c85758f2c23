package io.meshgate.notification.deadletter;

import io.meshgate.notification.cloudevent.BinaryCloudEvents;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The broker's dead-letter sink ({@code Broker.spec.delivery.deadLetterSink}): events of
 * any type that failed every retry or were refused with a 4xx. Recording them is the
 * whole job; 2xx tells the broker they are safe.
 */
@RestController
class DeadLetterController {

	private final BinaryCloudEvents cloudEvents;

	private final DeadLetters deadLetters;

	DeadLetterController(BinaryCloudEvents cloudEvents, DeadLetters deadLetters) {
		this.cloudEvents = cloudEvents;
		this.deadLetters = deadLetters;
	}

	@PostMapping("/dead-letters")
	ResponseEntity<Void> receive(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
		this.deadLetters.record(this.cloudEvents.readWithAnyData(headers, body));
		return ResponseEntity.noContent().build();
	}

}
