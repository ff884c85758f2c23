package io.meshgate.service.support.etag;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored version as a strong entity tag ({@code "3"}), the form every Meshgate service
 * sends in {@code ETag}, and back from the {@code If-Match} of a write. What a missing
 * header or a stale version answers (428, 412) is each service's own problem.
 */
public final class EntityTags {

	private static final Pattern ENTITY_TAG = Pattern.compile("\"(\\d{1,18})\"");

	private EntityTags() {
	}

	/** The entity tag of a version, the form {@link #ifMatch} reads back. */
	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The condition a request's {@code If-Match} header states.
	 * @return empty when there is none (absent or blank)
	 */
	public static Optional<IfMatch> ifMatch(String header) {
		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		String value = header.strip();
		if (value.equals("*")) {
			return Optional.of(IfMatch.ANY_VERSION);
		}
		Matcher tag = ENTITY_TAG.matcher(value);
		return Optional.of(tag.matches() ? new IfMatch(false, Long.parseLong(tag.group(1))) : IfMatch.NO_VERSION);
	}

	/**
	 * The {@code If-Match} condition of a write.
	 *
	 * @param anyVersion {@code *}: whatever version is stored (RFC 9110)
	 * @param version the one version that matches, unless {@code anyVersion}; -1, which
	 * no stored version equals, for a weak tag, a list or anything else a service never
	 * issues: RFC 9110 compares If-Match strongly, so such a condition can never hold and
	 * the write fails like a stale one
	 */
	public record IfMatch(boolean anyVersion, long version) {

		private static final IfMatch ANY_VERSION = new IfMatch(true, -1);

		private static final IfMatch NO_VERSION = new IfMatch(false, -1);

	}

}
