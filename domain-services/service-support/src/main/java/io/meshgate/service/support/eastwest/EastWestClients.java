package io.meshgate.service.support.eastwest;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;

/**
 * Makes the {@link RestClient} for calls to another service of the mesh by its service
 * name ({@code http://product-service}): resolved by Spring Cloud LoadBalancer, built on
 * Boot's builder (JSON converters, the observation that sends {@code traceparent}, so the
 * call joins the request's trace) and bounded by the caller's timeouts.
 * <p>
 * HTTP/1.1: the call goes as plain HTTP to the local sidecar, which chooses the protocol
 * to the peer; the JDK client would otherwise offer an h2c upgrade on every request. The
 * JDK client's read timeout bounds the whole wait for the response.
 */
public final class EastWestClients {

	private final RestClient.Builder loadBalanced;

	EastWestClients(RestClient.Builder loadBalanced) {
		this.loadBalanced = loadBalanced;
	}

	/**
	 * A client for one service.
	 * @param service the service by name, e.g. {@code http://product-service}
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for the response once connected
	 */
	public RestClient forService(URI service, Duration connectTimeout, Duration readTimeout) {
		HttpClientSettings timeouts = HttpClientSettings.defaults().withTimeouts(connectTimeout, readTimeout);
		return this.loadBalanced.clone()
			.baseUrl(service.toString())
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.withHttpClientCustomizer((client) -> client.version(HttpClient.Version.HTTP_1_1))
				.build(timeouts))
			.build();
	}

}
