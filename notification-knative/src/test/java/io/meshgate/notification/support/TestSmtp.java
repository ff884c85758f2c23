package io.meshgate.notification.support;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real SMTP server (GreenMail) per test JVM on a free loopback port, shared like
 * TestPostgres. It accepts every recipient; tests tell their mail apart by using an
 * address of their own.
 */
public final class TestSmtp {

	private static GreenMail server;

	private TestSmtp() {
	}

	/** Points the application's mail sender at the shared server. */
	public static void register(DynamicPropertyRegistry registry) {
		int port = server().getSmtp().getPort();
		registry.add("spring.mail.port", () -> port);
	}

	/** The messages the server received for one address, oldest first. */
	public static List<MimeMessage> messagesTo(String address) {
		return Arrays.stream(server().getReceivedMessages()).filter((message) -> isFor(message, address)).toList();
	}

	/** A GreenMail SMTP server on loopback; port 0 picks a free one. */
	public static GreenMail start(int port) {
		GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		return greenMail;
	}

	private static synchronized GreenMail server() {
		if (server == null) {
			server = start(0);
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

	private static boolean isFor(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients).anyMatch((r) -> r.toString().equals(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
