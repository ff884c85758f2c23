package io.meshgate.notification;

import java.net.http.HttpResponse;

import io.meshgate.notification.support.NotificationIntegrationTest;
import io.meshgate.notification.support.RefusingSmtpServer;
import io.meshgate.notification.support.TestEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the mail server says about the recipient decides between "done" and "retry": a
 * permanent refusal (5xx) is recorded and acknowledged, since no retry can succeed; a
 * temporary one (4xx) is a 503, so the broker tries again.
 */
class RefusedRecipientIntegrationTests extends NotificationIntegrationTest {

	private static final RefusingSmtpServer smtp = RefusingSmtpServer.start("550 5.1.1 Mailbox does not exist");

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", smtp::port);
	}

	@AfterAll
	static void stopSmtp() throws Exception {
		smtp.close();
	}

	@Test
	void permanentlyRefusedAddressIsRecordedAndAcknowledgedWithoutRetry() {
		smtp.replyToRecipientsWith("550 5.1.1 Mailbox does not exist");
		TestEvent event = TestEvent.reviewCreated(TestEvent.freshAddress());
		double rejectedBefore = counter("meshgate.notification.events", "outcome", "rejected");

		HttpResponse<String> response = deliver(event);

		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(recordedOutcomes(event)).containsExactly("rejected");
		assertThat(counter("meshgate.notification.events", "outcome", "rejected")).isEqualTo(rejectedBefore + 1);
		int attempts = smtp.recipientCommands();
		assertThat(deliver(event).statusCode()).isEqualTo(204);
		assertThat(smtp.recipientCommands()).as("a redelivery does not try the address again").isEqualTo(attempts);
	}

	@Test
	void temporarilyRefusedAddressAnswers503AndRecordsNothing() {
		smtp.replyToRecipientsWith("451 4.3.0 Try again later");
		TestEvent event = TestEvent.reviewCreated(TestEvent.freshAddress());

		HttpResponse<String> response = deliver(event);

		assertProblem(response, 503, "/");
		assertThat(recordedOutcomes(event)).isEmpty();
	}

}
