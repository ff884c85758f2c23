package io.meshgate.localplatform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A child process that is ready once a URL of it answers 200. */
abstract class HttpReadyComponent extends ChildProcessComponent {

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

	HttpReadyComponent(String name, List<Integer> ports, Path logDirectory, Path runDirectory) {
		super(name, ports, logDirectory, runDirectory);
	}

	/** The URL that answers 200 once the component serves. */
	abstract URI readinessUri();

	@Override
	final String readinessProbe() {
		return readinessUri().toString();
	}

	@Override
	final boolean isReady() throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(readinessUri()).timeout(PROBE_TIMEOUT).GET().build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
