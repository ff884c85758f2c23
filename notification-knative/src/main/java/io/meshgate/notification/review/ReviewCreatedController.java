package io.meshgate.notification.review;

import io.cloudevents.CloudEvent;
import io.meshgate.notification.cloudevent.BinaryCloudEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the broker delivers {@code io.meshgate.review.created}: {@code POST /}, the
 * Knative convention for a subscriber. 2xx means "handled, do not deliver again" and is
 * only answered once the mail server accepted the mail (or nothing is to be sent); 503
 * means "retry"; 4xx means "this event can never succeed", which sends it to the
 * dead-letter sink.
 */
@RestController
class ReviewCreatedController {

	private static final Logger logger = LoggerFactory.getLogger(ReviewCreatedController.class);

	private final BinaryCloudEvents cloudEvents;

	private final ReviewCreatedReader reader;

	private final ReviewThanks thanks;

	ReviewCreatedController(BinaryCloudEvents cloudEvents, ReviewCreatedReader reader, ReviewThanks thanks) {
		this.cloudEvents = cloudEvents;
		this.reader = reader;
		this.thanks = thanks;
	}

	/** Any content type reaches the method, so that a wrong one gets a clear problem. */
	@PostMapping("/")
	ResponseEntity<Void> receive(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
		CloudEvent event = this.cloudEvents.read(headers, body);
		ReviewCreated review = this.reader.read(event);
		try {
			this.thanks.thank(event, review);
		}
		catch (MailException ex) {
			MailFailure failure = MailFailure.of(ex);
			logger.atWarn()
				.addKeyValue("eventId", event.getId())
				.addKeyValue("eventSource", event.getSource())
				.addKeyValue("cause", failure.cause())
				.log("Mail server unavailable; the broker will deliver the event again");
			throw ReviewProblems.mailUnavailable();
		}
		return ResponseEntity.noContent().build();
	}

}
