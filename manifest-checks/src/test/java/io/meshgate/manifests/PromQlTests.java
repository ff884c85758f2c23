package io.meshgate.manifests;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTests {

	@Test
	void namesTheMetricsOfAnAggregatedRatio() {
		String ratio = "sum by (job) (rate(http_server_requests_seconds_count{status=~\"5..\", uri!~\"/a.*\"}[5m]))"
				+ " / sum without (pod) (rate(other_total[1h]))";
		assertThat(PromQl.metricNames(ratio)).containsExactly("http_server_requests_seconds_count", "other_total");
	}

	@Test
	void ignoresFunctionsNumbersKeywordsAndLabelLists() {
		String expression = "histogram_quantile(0.95, sum by (le) (rate(a_bucket[5m]))) > 1e3"
				+ " and on (job) b offset 5m unless ignoring (pod) c > bool 0 or (max(d) - time()) < 14 * 24 * 3600";
		assertThat(PromQl.metricNames(expression)).containsExactly("a_bucket", "b", "c", "d");
	}

	@Test
	void namesRecordedSeriesAndIgnoresLabelValuesThatLookLikeNames() {
		assertThat(PromQl.metricNames("job:errors:ratio_rate1h{job=\"api_gateway\"} > (14.4 * 0.001)"))
			.containsExactly("job:errors:ratio_rate1h");
	}

	@Test
	void replacesGrafanaVariablesWithValuesPrometheusAccepts() {
		assertThat(PromQl.withoutGrafanaVariables("rate(a{job=~\"$job\", pod=\"${pod}\"}[$__rate_interval])"))
			.isEqualTo("rate(a{job=~\"x\", pod=\"x\"}[5m])");
	}

}
