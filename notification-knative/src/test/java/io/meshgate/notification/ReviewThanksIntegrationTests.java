package io.meshgate.notification;

import java.net.http.HttpResponse;
import java.util.List;

import io.meshgate.notification.support.SharedSmtpIntegrationTest;
import io.meshgate.notification.support.TestEvent;
import io.meshgate.notification.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A valid {@code review.created} event becomes one thank-you mail, however often and
 * however concurrently the broker delivers it.
 */
class ReviewThanksIntegrationTests extends SharedSmtpIntegrationTest {

	@Test
	void validEventSendsThankYouMailToReviewer() throws Exception {
		String reviewer = TestEvent.freshAddress();

		HttpResponse<String> response = deliver(TestEvent.reviewCreated(reviewer));

		assertThat(response.statusCode()).isEqualTo(204);
		List<MimeMessage> mails = TestSmtp.messagesTo(reviewer);
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.get(0);
		assertThat(mail.getFrom()[0].toString()).isEqualTo("Meshgate <no-reply@meshgate.test>");
		assertThat(mail.getSubject()).isEqualTo("Thanks for your review of Trail Runner 2");
		assertThat(mail.getContent().toString()).contains("Trail Runner 2").contains("You rated it 4 out of 5 stars");
	}

	@Test
	void mailIsAnsweredOnlyAfterTheServerAcceptedIt() {
		String reviewer = TestEvent.freshAddress();
		TestEvent event = TestEvent.reviewCreated(reviewer);

		deliver(event);

		// The mail is there when the 2xx is: nothing to wait for.
		assertThat(TestSmtp.messagesTo(reviewer)).hasSize(1);
		assertThat(recordedOutcomes(event)).containsExactly("sent");
	}

	@Test
	void redeliveredEventIsAcknowledgedWithoutSecondMail() {
		String reviewer = TestEvent.freshAddress();
		TestEvent event = TestEvent.reviewCreated(reviewer);
		double duplicatesBefore = counter("meshgate.notification.duplicates");

		assertThat(deliver(event).statusCode()).isEqualTo(204);
		assertThat(deliver(event).statusCode()).isEqualTo(204);

		assertThat(TestSmtp.messagesTo(reviewer)).hasSize(1);
		assertThat(counter("meshgate.notification.duplicates")).isEqualTo(duplicatesBefore + 1);
	}

	@Test
	void concurrentDeliveriesOfOneEventSendOneMail() {
		String reviewer = TestEvent.freshAddress();
		TestEvent event = TestEvent.reviewCreated(reviewer);
		double duplicatesBefore = counter("meshgate.notification.duplicates");

		List<HttpResponse<String>> responses = deliverConcurrently(event, 8);

		assertThat(responses).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(204));
		assertThat(TestSmtp.messagesTo(reviewer)).hasSize(1);
		assertThat(counter("meshgate.notification.duplicates")).isEqualTo(duplicatesBefore + 7);
		assertThat(recordedOutcomes(event)).containsExactly("sent");
	}

	@Test
	void sameIdFromAnotherSourceIsAnotherEvent() {
		String reviewer = TestEvent.freshAddress();
		TestEvent event = TestEvent.reviewCreated(reviewer);

		deliver(event);
		deliver(event.withHeader("ce-source", "/review-service-replay"));

		assertThat(TestSmtp.messagesTo(reviewer)).hasSize(2);
	}

	@Test
	void eventWithoutAddressIsAcknowledgedAndRecordedWithoutMail() {
		TestEvent event = TestEvent.reviewCreated(null);

		HttpResponse<String> response = deliver(event);

		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(recordedOutcomes(event)).containsExactly("no-recipient");
	}

	@Test
	void unknownDataFieldsAreIgnored() {
		String reviewer = TestEvent.freshAddress();
		TestEvent event = TestEvent.reviewCreated(reviewer).withDataField("helpfulVotes", "3");

		assertThat(deliver(event).statusCode()).isEqualTo(204);
		assertThat(TestSmtp.messagesTo(reviewer)).hasSize(1);
	}

	@Test
	void productNameCannotAddMailHeaders() throws Exception {
		String reviewer = TestEvent.freshAddress();
		TestEvent event = TestEvent.reviewCreated(reviewer)
			.withDataField("productName", "\"Shoe\\r\\nBcc: victim@example.com\"");

		assertThat(deliver(event).statusCode()).isEqualTo(204);
		MimeMessage mail = TestSmtp.messagesTo(reviewer).get(0);
		assertThat(mail.getHeader("Bcc")).isNull();
		assertThat(mail.getAllRecipients()).hasSize(1);
		assertThat(mail.getSubject()).isEqualTo("Thanks for your review of Shoe  Bcc: victim@example.com");
	}

}
