package io.meshgate.gateway.filtering;

import java.util.regex.Pattern;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Request limits and whom to believe about the client.
 *
 * @param maxBodySize the largest request body; a route overrides it with metadata
 * {@code max-body-size}
 * @param maxHeaderSize the largest request header block (names and values) answered with
 * problem details; beyond {@code server.max-http-request-header-size}, the HTTP server
 * answers 431 itself, without a body
 * @param trustedProxies peers whose {@code X-Forwarded-*} and {@code Forwarded} headers
 * are believed (a regular expression over the peer's IP address). Locally nobody: the
 * gateway is the edge. In the mesh the Istio sidecar ({@code 127.0.0.6}), which passes on
 * what the ingress gateway set.
 */
@Validated
@ConfigurationProperties("meshgate.gateway.filtering")
public record FilteringProperties(@NotNull DataSize maxBodySize, @NotNull DataSize maxHeaderSize,
		@NotNull Pattern trustedProxies) {

}
