package io.meshgate.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Bytes on a socket, for requests no HTTP client library would send as written: dot
 * segments, encoded slashes, smuggling attempts.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends the bytes and returns everything the server answers until it closes or 3 s
	 * pass.
	 */
	public static String exchange(int port, String request) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(3000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return readUntilClosed(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A GET of the raw target, closing the connection after the answer. */
	public static String get(int port, String rawTarget) {
		return exchange(port, "GET " + rawTarget + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
	}

	public static int status(String response) {
		return Integer.parseInt(response.substring(9, 12));
	}

	private static String readUntilClosed(InputStream in) throws IOException {
		StringBuilder answer = new StringBuilder();
		byte[] buffer = new byte[8192];
		try {
			int read;
			while ((read = in.read(buffer)) != -1) {
				answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
			}
		}
		catch (SocketTimeoutException ex) {
			// The server kept the connection open: what arrived so far is the answer.
		}
		return answer.toString();
	}

}
