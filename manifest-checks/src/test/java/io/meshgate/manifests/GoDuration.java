package io.meshgate.manifests;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's duration syntax ({@code 1h30m}, {@code 10s}, {@code 500ms}), which Kubernetes,
 * Istio and cert-manager share. The models write durations back in other units, so
 * durations are compared by length.
 */
final class GoDuration {

	private static final Pattern WHOLE = Pattern.compile("(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+");

	private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

	private static final Map<String, Long> NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "ms", 1_000_000L, "s",
			1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

	private GoDuration() {
	}

	static Optional<BigDecimal> nanos(String text) {
		if (!WHOLE.matcher(text).matches()) {
			return Optional.empty();
		}
		BigDecimal total = BigDecimal.ZERO;
		Matcher part = PART.matcher(text);
		while (part.find()) {
			total = total.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS.get(part.group(2)))));
		}
		return Optional.of(total);
	}

	static boolean sameLength(String left, String right) {
		Optional<BigDecimal> a = nanos(left);
		Optional<BigDecimal> b = nanos(right);
		return a.isPresent() && b.isPresent() && a.get().compareTo(b.get()) == 0;
	}

}
