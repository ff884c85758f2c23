package io.meshgate.auth.cleanup;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

/**
 * When a {@link BatchedCleanup} runs.
 *
 * @param initialDelay from start-up to the first run
 * @param interval from the end of one run to the start of the next
 */
public record CleanupSchedule(@NotNull Duration initialDelay, @NotNull Duration interval) {

}
