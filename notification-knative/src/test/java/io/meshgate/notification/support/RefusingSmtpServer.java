package io.meshgate.notification.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on loopback that answers every {@code RCPT TO} with a reply chosen
 * by the test ({@code 550 ...} for a mailbox that does not exist, {@code 451 ...} for
 * "try again later"), which GreenMail cannot be told to do. It speaks just enough SMTP
 * for Jakarta Mail to get that far; no message is ever accepted.
 */
public final class RefusingSmtpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final AtomicInteger recipientCommands = new AtomicInteger();

	private volatile String recipientReply;

	private RefusingSmtpServer(String recipientReply) throws IOException {
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.recipientReply = recipientReply;
		Thread acceptor = new Thread(this::serve, "refusing-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public static RefusingSmtpServer start(String recipientReply) {
		try {
			return new RefusingSmtpServer(recipientReply);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.socket.getLocalPort();
	}

	/**
	 * The reply to {@code RCPT TO} from now on, such as {@code 550 5.1.1 No such user}.
	 */
	public void replyToRecipientsWith(String reply) {
		this.recipientReply = reply;
	}

	/** How many {@code RCPT TO} commands were received so far. */
	public int recipientCommands() {
		return this.recipientCommands.get();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private void serve() {
		while (!this.socket.isClosed()) {
			try (Socket client = this.socket.accept()) {
				converse(client);
			}
			catch (IOException ex) {
				// Closed by the test, or a client that hung up: wait for the next one.
			}
		}
	}

	private void converse(Socket client) throws IOException {
		BufferedReader in = new BufferedReader(
				new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
		PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
		reply(out, "220 refusing.test ESMTP");
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			String command = line.toUpperCase(Locale.ROOT);
			if (command.startsWith("EHLO") || command.startsWith("HELO")) {
				reply(out, "250 refusing.test");
			}
			else if (command.startsWith("MAIL FROM")) {
				reply(out, "250 2.1.0 Ok");
			}
			else if (command.startsWith("RCPT TO")) {
				this.recipientCommands.incrementAndGet();
				reply(out, this.recipientReply);
			}
			else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
				reply(out, "250 2.0.0 Ok");
			}
			else if (command.startsWith("QUIT")) {
				reply(out, "221 2.0.0 Bye");
				return;
			}
			else {
				reply(out, "503 5.5.1 No valid recipients");
			}
		}
	}

	private static void reply(PrintWriter out, String line) {
		out.print(line + "\r\n");
		out.flush();
	}

}
