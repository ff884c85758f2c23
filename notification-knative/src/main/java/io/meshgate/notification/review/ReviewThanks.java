package io.meshgate.notification.review;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Thanks a reviewer once per event, however often the broker delivers it. The processed
 * row and the mail share one transaction: the row is committed only after the mail server
 * accepted the message, so a failure leaves nothing behind and the broker's retry sends
 * it; a duplicate finds the row and sends nothing.
 */
@Service
class ReviewThanks {

	private static final Logger logger = LoggerFactory.getLogger(ReviewThanks.class);

	private final ProcessedEvents processedEvents;

	private final ThanksMail thanksMail;

	private final JavaMailSender mailSender;

	private final Counter duplicates;

	private final MeterRegistry meters;

	ReviewThanks(ProcessedEvents processedEvents, ThanksMail thanksMail, JavaMailSender mailSender,
			MeterRegistry meters) {
		this.processedEvents = processedEvents;
		this.thanksMail = thanksMail;
		this.mailSender = mailSender;
		this.meters = meters;
		this.duplicates = Counter.builder("meshgate.notification.duplicates")
			.description("Redelivered events acknowledged without sending again")
			.register(meters);
	}

	/**
	 * @throws MailException if the mail server did not accept the mail and may later: the
	 * transaction is rolled back and the caller answers so that the broker retries
	 */
	@Transactional
	Outcome thank(CloudEvent event, ReviewCreated review) {
		Outcome intended = (review.reviewerEmail() != null) ? Outcome.SENT : Outcome.NO_RECIPIENT;
		if (!this.processedEvents.claim(event.getSource().toString(), event.getId(), event.getType(), intended)) {
			this.duplicates.increment();
			return log(event, review, Outcome.DUPLICATE);
		}
		if (intended == Outcome.NO_RECIPIENT) {
			return log(event, review, Outcome.NO_RECIPIENT);
		}
		try {
			this.mailSender.send(this.thanksMail.to(review));
		}
		catch (MailException ex) {
			MailFailure failure = MailFailure.of(ex);
			if (!failure.permanent()) {
				throw ex;
			}
			this.processedEvents.changeOutcome(event.getSource().toString(), event.getId(), Outcome.REJECTED);
			logger.atError()
				.addKeyValue("eventId", event.getId())
				.addKeyValue("eventSource", event.getSource())
				.addKeyValue("reviewId", review.reviewId())
				.addKeyValue("outcome", Outcome.REJECTED.value())
				.addKeyValue("cause", failure.cause())
				.log(Outcome.REJECTED.message());
			return count(Outcome.REJECTED);
		}
		return log(event, review, Outcome.SENT);
	}

	private Outcome log(CloudEvent event, ReviewCreated review, Outcome outcome) {
		// Ids only: the address, the product and the review are the reviewer's business.
		logger.atInfo()
			.addKeyValue("eventId", event.getId())
			.addKeyValue("eventSource", event.getSource())
			.addKeyValue("reviewId", review.reviewId())
			.addKeyValue("outcome", outcome.value())
			.log(outcome.message());
		return count(outcome);
	}

	private Outcome count(Outcome outcome) {
		this.meters.counter("meshgate.notification.events", "outcome", outcome.value()).increment();
		return outcome;
	}

}
