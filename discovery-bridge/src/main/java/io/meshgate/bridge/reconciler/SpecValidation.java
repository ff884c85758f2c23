package io.meshgate.bridge.reconciler;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.meshgate.bridge.customresource.EurekaSyncerSpec;

/**
 * The rules of the CRD schema, checked again by the operator: a CRD older than the
 * operator, or a client that skips validation, must produce a clear condition rather than
 * a failing loop. All problems are reported at once.
 */
final class SpecValidation {

	private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

	private static final Pattern APP_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?");

	private static final Pattern DNS_SUBDOMAIN = Pattern
		.compile("(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

	private SpecValidation() {
	}

	/** What is wrong with a spec, one sentence per problem; empty when it is valid. */
	static Optional<String> problems(EurekaSyncerSpec spec) {
		if (spec == null) {
			return Optional.of("spec is missing");
		}
		List<String> problems = new ArrayList<>();
		checkCommon(spec, problems);
		if (EurekaSyncerSpec.EXPORT.equals(spec.direction())) {
			checkExport(spec, problems);
		}
		else if (EurekaSyncerSpec.IMPORT.equals(spec.direction())) {
			checkImport(spec, problems);
		}
		return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
	}

	private static void checkCommon(EurekaSyncerSpec spec, List<String> problems) {
		if (!EurekaSyncerSpec.EXPORT.equals(spec.direction()) && !EurekaSyncerSpec.IMPORT.equals(spec.direction())) {
			problems.add("spec.direction must be export or import, was " + quoted(spec.direction()));
		}
		if (spec.appName() == null || !APP_NAME.matcher(spec.appName()).matches()) {
			problems.add("spec.appName must be a DNS label (letters, digits and '-', at most 63), was "
					+ quoted(spec.appName()));
		}
		if (spec.eurekaUrls() == null || spec.eurekaUrls().isEmpty()) {
			problems.add("spec.eurekaUrls needs at least one Eureka server URL");
		}
		else {
			spec.eurekaUrls()
				.stream()
				.filter((url) -> !isHttpUrl(url))
				.forEach((url) -> problems.add("spec.eurekaUrls: " + quoted(url) + " is not an http(s) URL"));
		}
	}

	private static void checkExport(EurekaSyncerSpec spec, List<String> problems) {
		boolean hasService = spec.service() != null;
		boolean hasSelector = spec.selector() != null && !spec.selector().isEmpty();
		String mode = spec.effectiveMode();
		if (hasService && hasSelector) {
			problems.add("spec.service and spec.selector are mutually exclusive");
		}
		else if (!hasService && !hasSelector) {
			problems.add("export needs spec.service or spec.selector");
		}
		if (hasService && !DNS_LABEL.matcher(spec.service()).matches()) {
			problems.add("spec.service must be a DNS label (lower-case letters, digits and '-', at most 63), was "
					+ quoted(spec.service()));
		}
		if (!EurekaSyncerSpec.MODE_SERVICE.equals(mode) && !EurekaSyncerSpec.MODE_POD.equals(mode)) {
			problems.add("spec.mode must be service or pod, was " + quoted(mode));
		}
		else if (hasSelector && !hasService && !EurekaSyncerSpec.MODE_POD.equals(mode)) {
			problems.add("spec.selector registers pods: it needs spec.mode pod");
		}
		if (hasSelector && !hasService && spec.port() == null) {
			problems.add("spec.selector needs spec.port, the container port to register");
		}
		if (spec.lease() != null && spec.effectiveLease().duration() <= spec.effectiveLease().renewalInterval()) {
			problems.add("spec.lease.durationSeconds must be longer than spec.lease.renewalIntervalSeconds");
		}
	}

	private static void checkImport(EurekaSyncerSpec spec, List<String> problems) {
		if (spec.host() == null || !DNS_SUBDOMAIN.matcher(spec.host()).matches()) {
			problems.add("import needs spec.host, a lower-case DNS name, was " + quoted(spec.host()));
		}
		if (!EurekaSyncerSpec.MESH_EXTERNAL.equals(spec.effectiveLocation())
				&& !EurekaSyncerSpec.MESH_INTERNAL.equals(spec.effectiveLocation())) {
			problems.add("spec.location must be MESH_EXTERNAL or MESH_INTERNAL, was " + quoted(spec.location()));
		}
	}

	private static boolean isHttpUrl(String url) {
		try {
			URI uri = new URI(url);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static String quoted(String value) {
		return (value != null) ? "'" + value + "'" : "nothing";
	}

}
