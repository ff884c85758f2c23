package io.meshgate.review.outbox;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay: where events go and how hard it tries.
 *
 * @param sink where events are POSTed; application.yaml binds it from {@code K_SINK}
 * (Knative's SinkBinding in Kubernetes, local-platform locally). Empty: nothing is sent
 * and events wait in the outbox.
 * @param source the CloudEvents {@code source} of every event, {@code /<service-name>}
 * @param pollInterval the pause between two relay runs
 * @param batchSize how many events one run locks and sends at most
 * @param connectTimeout how long to wait for a connection to the sink
 * @param readTimeout how long to wait for the sink's answer
 * @param initialBackoff the wait after an event's first failed delivery; each further
 * failure doubles it, with jitter
 * @param maxBackoff the longest wait between two deliveries of the same event
 * @param maxAttemptsOnRefusal how often the sink may refuse an event for good (a 4xx
 * about the event, see {@link DeliveryFailure}) before it is parked: kept in the table,
 * no longer sent, so that the events behind it go on. 3 by default rather than 1, so that
 * a sink's passing mistake (a bad rollout) parks nothing; at most 10, so that with the
 * default backoff an event is parked within about two minutes, before
 * {@code OutboxBacklogAging} fires. Transient failures are retried forever whatever this
 * says.
 * @param retention how long sent events are kept (to look into what was sent) before they
 * are purged
 * @param purgeInterval the pause between two purges
 */
@Validated
@ConfigurationProperties("meshgate.outbox")
record OutboxProperties(URI sink, @DefaultValue("/review-service") @NotNull URI source,
		@DefaultValue("500ms") @NotNull Duration pollInterval, @DefaultValue("50") @Min(1) int batchSize,
		@DefaultValue("1s") @NotNull Duration connectTimeout, @DefaultValue("5s") @NotNull Duration readTimeout,
		@DefaultValue("500ms") @NotNull Duration initialBackoff, @DefaultValue("30s") @NotNull Duration maxBackoff,
		@DefaultValue("3") @Min(1) @Max(10) int maxAttemptsOnRefusal, @DefaultValue("7d") @NotNull Duration retention,
		@DefaultValue("1h") @NotNull Duration purgeInterval) {

	/** Whether a sink is configured; {@code K_SINK} unset binds as an empty URI. */
	boolean hasSink() {
		return this.sink != null && !this.sink.toString().isBlank();
	}

	RetryBackoff backoff() {
		return new RetryBackoff(this.initialBackoff, this.maxBackoff);
	}

}
