package io.meshgate.manifests;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The evaluator decides like Istio for the fields it knows, and refuses the others. */
class AuthorizationEvaluatorTests {

	private static final String GATEWAY = "cluster.local/ns/meshgate/sa/api-gateway";

	private static final AuthorizationEvaluator.Workload TARGET = new AuthorizationEvaluator.Workload("meshgate",
			Map.of("app", "target"));

	@Test
	void workloadWithoutAllowPolicyIsOpen() {
		assertThat(evaluator("").allows(get(GATEWAY, "/x"), TARGET)).isTrue();
	}

	@Test
	void allowNothingClosesTheNamespace() {
		assertThat(evaluator(policy("allow-nothing", "ALLOW", "")).allows(get(GATEWAY, "/x"), TARGET)).isFalse();
	}

	@Test
	void matchesPathPrefixAndSuffix() {
		AuthorizationEvaluator evaluator = evaluator(
				policy("p", "ALLOW", "rules: [{to: [{operation: {paths: [/api/*, '*.json']}}]}]"));
		assertThat(evaluator.allows(get(GATEWAY, "/api/members"), TARGET)).isTrue();
		assertThat(evaluator.allows(get(GATEWAY, "/static/app.json"), TARGET)).isTrue();
		assertThat(evaluator.allows(get(GATEWAY, "/admin"), TARGET)).isFalse();
	}

	@Test
	void notPathsExcludeFromAMatch() {
		AuthorizationEvaluator evaluator = evaluator(
				policy("p", "ALLOW", "rules: [{to: [{operation: {paths: ['/*'], notPaths: [/actuator/*]}}]}]"));
		assertThat(evaluator.allows(get(GATEWAY, "/login"), TARGET)).isTrue();
		assertThat(evaluator.allows(get(GATEWAY, "/actuator/env"), TARGET)).isFalse();
	}

	@Test
	void principalsNamespacesAndMethodsMustAllMatch() {
		AuthorizationEvaluator evaluator = evaluator(policy("p", "ALLOW",
				"rules: [{from: [{source: {principals: ['" + GATEWAY + "'], namespaces: [meshgate]}}], "
						+ "to: [{operation: {methods: [GET], ports: ['8080']}}]}]"));
		assertThat(evaluator.allows(get(GATEWAY, "/"), TARGET)).isTrue();
		assertThat(evaluator.allows(new AuthorizationEvaluator.Request(GATEWAY, "", 8080, "POST", "/"), TARGET))
			.isFalse();
		assertThat(evaluator.allows(new AuthorizationEvaluator.Request(GATEWAY, "", 8081, "GET", "/"), TARGET))
			.isFalse();
		assertThat(evaluator.allows(get("", "/"), TARGET)).isFalse();
	}

	@Test
	void requestPrincipalsNeedAToken() {
		AuthorizationEvaluator evaluator = evaluator(
				policy("p", "ALLOW", "rules: [{from: [{source: {requestPrincipals: ['https://issuer/*']}}]}]"));
		assertThat(evaluator.allows(new AuthorizationEvaluator.Request(GATEWAY, "https://issuer/42", 8080, "GET", "/"),
				TARGET))
			.isTrue();
		assertThat(evaluator.allows(get(GATEWAY, "/"), TARGET)).isFalse();
	}

	@Test
	void denyWinsOverAllow() {
		AuthorizationEvaluator evaluator = evaluator(policy("allow", "ALLOW", "rules: [{}]") + "\n---\n"
				+ policy("deny", "DENY", "rules: [{to: [{operation: {paths: [/admin]}}]}]"));
		assertThat(evaluator.allows(get(GATEWAY, "/"), TARGET)).isTrue();
		assertThat(evaluator.allows(get(GATEWAY, "/admin"), TARGET)).isFalse();
	}

	@Test
	void policySelectingOtherPodsDoesNotApply() {
		String selecting = policy("other", "ALLOW", "selector: {matchLabels: {app: other}}\n  rules: [{}]");
		assertThat(evaluator(selecting).allows(get(GATEWAY, "/"), TARGET)).isTrue();
	}

	@Test
	void allowRuleWithHttpOnlyFieldsNeverMatchesATcpConnection() {
		AuthorizationEvaluator evaluator = evaluator(policy("p", "ALLOW", "rules: [{from: [{source: {principals: ['"
				+ GATEWAY + "']}}], " + "to: [{operation: {ports: ['6379'], methods: [GET]}}]}]"));
		assertThat(evaluator.allows(AuthorizationEvaluator.Request.connection(GATEWAY, 6379), TARGET)).isFalse();
	}

	@Test
	void allowRuleWithPrincipalsAndPortsMatchesATcpConnection() {
		AuthorizationEvaluator evaluator = evaluator(policy("p", "ALLOW", "rules: [{from: [{source: {principals: ['"
				+ GATEWAY + "']}}], to: [{operation: {ports: ['6379']}}]}]"));
		assertThat(evaluator.allows(AuthorizationEvaluator.Request.connection(GATEWAY, 6379), TARGET)).isTrue();
		assertThat(evaluator.allows(AuthorizationEvaluator.Request.connection("", 6379), TARGET)).isFalse();
		assertThat(evaluator.allows(AuthorizationEvaluator.Request.connection(GATEWAY, 6380), TARGET)).isFalse();
	}

	@Test
	void denyRuleIgnoresHttpOnlyFieldsForATcpConnection() {
		AuthorizationEvaluator evaluator = evaluator(policy("allow", "ALLOW", "rules: [{}]") + "\n---\n"
				+ policy("deny", "DENY", "rules: [{to: [{operation: {ports: ['6379'], paths: [/admin]}}]}]"));
		assertThat(evaluator.allows(AuthorizationEvaluator.Request.connection(GATEWAY, 6379), TARGET)).isFalse();
		assertThat(evaluator.allows(AuthorizationEvaluator.Request.connection(GATEWAY, 6380), TARGET)).isTrue();
	}

	@Test
	void notHostsDenyEveryOtherHostWithoutCase() {
		AuthorizationEvaluator evaluator = evaluator(policy("allow", "ALLOW", "rules: [{}]") + "\n---\n" + policy(
				"host", "DENY",
				"rules: [{to: [{operation: {ports: ['8080'], notHosts: [meshgate.example, 'meshgate.example:*']}}]}]"));
		assertThat(evaluator.allows(withHost("meshgate.example"), TARGET)).isTrue();
		assertThat(evaluator.allows(withHost("MeshGate.Example:443"), TARGET)).isTrue();
		assertThat(evaluator.allows(withHost("notification-knative.meshgate.svc.cluster.local"), TARGET)).isFalse();
	}

	@Test
	void refusesToGuessAHostTheRequestDoesNotState() {
		AuthorizationEvaluator evaluator = evaluator(
				policy("p", "ALLOW", "rules: [{to: [{operation: {hosts: [meshgate.example]}}]}]"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> evaluator.allows(get(GATEWAY, "/"), TARGET))
			.withMessageContaining("Host");
	}

	private static AuthorizationEvaluator.Request withHost(String host) {
		return new AuthorizationEvaluator.Request(GATEWAY, "", 8080, "GET", "/", host);
	}

	@Test
	void refusesFieldsItDoesNotEvaluate() {
		AuthorizationEvaluator evaluator = evaluator(
				policy("p", "ALLOW", "rules: [{from: [{source: {ipBlocks: [10.0.0.0/8]}}]}]"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> evaluator.allows(get(GATEWAY, "/"), TARGET))
			.withMessageContaining("ipBlocks");
	}

	private static AuthorizationEvaluator.Request get(String principal, String path) {
		return new AuthorizationEvaluator.Request(principal, "", 8080, "GET", path);
	}

	private static String policy(String name, String action, String spec) {
		return """
				apiVersion: security.istio.io/v1
				kind: AuthorizationPolicy
				metadata: {name: %s, namespace: meshgate}
				spec:
				  action: %s
				  %s
				""".formatted(name, action, spec);
	}

	private static AuthorizationEvaluator evaluator(String yaml) {
		List<ManifestObject> objects = Yaml.documents(yaml)
			.stream()
			.map((tree) -> new ManifestObject("test", tree))
			.toList();
		return new AuthorizationEvaluator(objects);
	}

}
