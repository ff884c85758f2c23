package io.meshgate.storefront.upstream;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the storefront waits for product-, review- and member-service. One query calls
 * them one after the other (products, then their reviews, then the reviewers), so three
 * times the sum of both stays under the gateway's 10 s response timeout and a slow
 * upstream costs the client a partial result, never a gateway timeout.
 *
 * @param connectTimeout time to open a connection to an upstream (its sidecar in the
 * mesh)
 * @param readTimeout time to wait for an upstream's response once connected
 */
@Validated
@ConfigurationProperties("meshgate.storefront.upstreams")
public record UpstreamProperties(@DefaultValue("1s") @NotNull Duration connectTimeout,
		@DefaultValue("2s") @NotNull Duration readTimeout) {

}
