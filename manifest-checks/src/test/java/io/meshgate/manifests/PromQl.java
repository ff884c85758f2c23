package io.meshgate.manifests;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL to list the metrics an expression reads; promtool parses the
 * expressions for real.
 */
final class PromQl {

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

	private static final Pattern MATCHERS_AND_RANGES = Pattern.compile("\\{[^}]*}|\\[[^]]*]");

	private static final Pattern LABEL_LISTS = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	/** A name not glued to a number (1e3, 5m) and not called as a function. */
	private static final Pattern NAME = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "by",
			"without", "on", "ignoring", "group_left", "group_right", "atan2");

	private static final Pattern GRAFANA_DURATION = Pattern.compile("\\$__(rate_interval|interval|range)\\b");

	private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{\\w+}|\\$\\w+");

	private PromQl() {
	}

	/**
	 * The metric (and recorded series) names an expression reads.
	 * @param expression a PromQL expression
	 * @return the names, sorted
	 */
	static Set<String> metricNames(String expression) {
		String bare = LABEL_LISTS
			.matcher(MATCHERS_AND_RANGES.matcher(STRING.matcher(expression).replaceAll("\"\"")).replaceAll(" "))
			.replaceAll(" ");
		Set<String> names = new TreeSet<>();
		Matcher matcher = NAME.matcher(bare);
		while (matcher.find()) {
			if (!KEYWORDS.contains(matcher.group(1).toLowerCase())) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	/**
	 * A Grafana query as Prometheus would receive it, with Grafana's variables replaced
	 * by sample values: durations by {@code 5m}, anything else by {@code x}.
	 * @param query a dashboard query
	 * @return plain PromQL
	 */
	static String withoutGrafanaVariables(String query) {
		return GRAFANA_VARIABLE.matcher(GRAFANA_DURATION.matcher(query).replaceAll("5m")).replaceAll("x");
	}

}
