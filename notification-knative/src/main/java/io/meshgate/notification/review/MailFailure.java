package io.meshgate.notification.review;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.mail.SendFailedException;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * Why a mail did not go out, in the terms that decide what to answer the broker. Only the
 * mail server refusing the recipient for good is permanent: Jakarta Mail reports those
 * addresses as invalid (a 5xx reply to {@code RCPT TO}, such as 550 "no such user"),
 * while a 4xx reply leaves them "valid but unsent". Anything else is transient and
 * retried: the server being down or slow, a 4xx reply, and also a refused sender or
 * credentials, which are this service's own configuration and get fixed.
 *
 * @param permanent whether retrying is pointless
 * @param cause the simple name of the deepest cause found, for logs (never a message,
 * which can quote the address)
 */
record MailFailure(boolean permanent, String cause) {

	static MailFailure of(MailException exception) {
		Set<Throwable> causes = causes(exception);
		boolean permanent = causes.stream()
			.anyMatch((failure) -> failure instanceof SendFailedException refused
					&& refused.getInvalidAddresses() != null && refused.getInvalidAddresses().length > 0);
		Throwable deepest = causes.stream().reduce((first, second) -> second).orElse(exception);
		return new MailFailure(permanent, deepest.getClass().getSimpleName());
	}

	/**
	 * The exception, its causes, and the exceptions Spring keeps per failed message;
	 * Jakarta Mail chains its own through {@code getCause()}.
	 */
	private static Set<Throwable> causes(MailException exception) {
		Set<Throwable> causes = new LinkedHashSet<>();
		Deque<Throwable> pending = new ArrayDeque<>();
		pending.add(exception);
		if (exception instanceof MailSendException send) {
			pending.addAll(send.getFailedMessages().values());
		}
		while (!pending.isEmpty()) {
			Throwable next = pending.poll();
			if (causes.add(next) && next.getCause() != null) {
				pending.add(next.getCause());
			}
		}
		return causes;
	}

}
