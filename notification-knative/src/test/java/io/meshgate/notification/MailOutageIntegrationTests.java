package io.meshgate.notification;

import java.net.http.HttpResponse;
import java.util.Arrays;

import com.icegreen.greenmail.util.GreenMail;
import io.meshgate.notification.support.NotificationIntegrationTest;
import io.meshgate.notification.support.TestEvent;
import io.meshgate.notification.support.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the mail server is down an event is answered 503 and nothing is recorded, so the
 * broker's retry, once the server is back, sends exactly one mail.
 */
class MailOutageIntegrationTests extends NotificationIntegrationTest {

	private static GreenMail smtp = TestSmtp.start(0);

	private static final int SMTP_PORT = smtp.getSmtp().getPort();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void mailServerDownAnswers503AndRecordsNothingThenRetrySendsOneMail() throws Exception {
		String reviewer = TestEvent.freshAddress();
		TestEvent event = TestEvent.reviewCreated(reviewer);
		smtp.stop();

		HttpResponse<String> whileDown = deliver(event);

		assertProblem(whileDown, 503, "/");
		assertThat(whileDown.headers().firstValue("Retry-After")).isPresent();
		assertThat(recordedOutcomes(event)).isEmpty();

		smtp = TestSmtp.start(SMTP_PORT);
		HttpResponse<String> retry = deliver(event);

		assertThat(retry.statusCode()).isEqualTo(204);
		assertThat(recordedOutcomes(event)).containsExactly("sent");
		assertThat(Arrays.stream(smtp.getReceivedMessages())).hasSize(1);
		assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo(reviewer);
		assertThat(deliver(event).statusCode()).isEqualTo(204);
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

}
