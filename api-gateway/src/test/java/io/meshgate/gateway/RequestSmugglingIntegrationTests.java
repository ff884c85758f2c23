package io.meshgate.gateway;

import io.meshgate.gateway.support.GatewayIntegrationTest;
import io.meshgate.gateway.support.RawHttp;
import io.meshgate.gateway.support.TestUpstream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ambiguous message framing over a raw socket: the gateway either refuses it or reads the
 * body by {@code Transfer-Encoding} alone and closes the connection; a second request
 * hidden in the body never reaches a service.
 */
class RequestSmugglingIntegrationTests extends GatewayIntegrationTest {

	private static final String SMUGGLED = "GET /api/reviews/smuggled HTTP/1.1\r\nHost: localhost\r\n\r\n";

	@Test
	void contentLengthWithChunkedEncodingNeverYieldsASecondRequest() {
		String body = "0\r\n\r\n" + SMUGGLED;
		String response = RawHttp.exchange(this.port, "POST /api/reviews HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Length: " + body.length() + "\r\nTransfer-Encoding: chunked\r\n\r\n" + body);

		assertNoSmuggledRequest(response);
	}

	@Test
	void obfuscatedTransferEncodingNeverYieldsASecondRequest() {
		String body = "0\r\n\r\n" + SMUGGLED;
		String response = RawHttp.exchange(this.port, "POST /api/reviews HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Length: " + body.length() + "\r\nTransfer-Encoding: xchunked\r\n\r\n" + body);

		assertNoSmuggledRequest(response);
	}

	@Test
	void twoContentLengthsNeverYieldASecondRequest() {
		String response = RawHttp.exchange(this.port, "POST /api/reviews HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Length: 0\r\nContent-Length: " + SMUGGLED.length() + "\r\n\r\n" + SMUGGLED);

		assertNoSmuggledRequest(response);
	}

	private static void assertNoSmuggledRequest(String response) {
		assertThat(TestUpstream.instance().received())
			.noneMatch((request) -> request.path().equals("/reviews/smuggled"));
		assertThat(response.split("HTTP/1\\.1 ", -1).length - 1).as("responses on one connection")
			.isLessThanOrEqualTo(1);
	}

}
