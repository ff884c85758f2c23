package io.meshgate.manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The manifests run the images the Maven build produces (root pom.xml, Jib;
 * docs/deploy.md "Build and publish images"), as the build describes them in
 * {@link ImageBuild}.
 */
final class ImageBuildRules {

	/**
	 * {@code [registry/]meshgate/<name>[:tag]}: the family of images this repository
	 * builds.
	 */
	private static final Pattern OWN_IMAGE = Pattern.compile("(?:(.+)/)?meshgate/([^/:@]+)(?::([^@]+))?(?:@.+)?");

	/** Docker Hub, the registry a bare {@code meshgate/<name>} means. */
	private static final String DEFAULT_REGISTRY = "docker.io";

	private static final Pattern JAVA_AGENT = Pattern.compile("-javaagent:([^\\s=]+)");

	private ImageBuildRules() {
	}

	/**
	 * Every {@code meshgate/} image names a module that ships as an image. Without a
	 * registry (or with docker.io) it is the image the build and kind-up.sh produce, so
	 * its tag is the project version. With another registry an overlay points at images
	 * published there (its {@code images:} entry sets {@code newName} and
	 * {@code newTag}), and the tag is whichever release was published: it only has to be
	 * written.
	 */
	static List<Violation> imagesAreBuilt(List<ManifestObject> objects, ImageBuild build) {
		List<Violation> violations = new ArrayList<>();
		for (OwnContainer own : ownContainers(objects)) {
			String field = own.container().path() + ".image";
			if (!build.modules().contains(own.module())) {
				violations.add(Violation.of(own.workload(), field,
						own.image() + " is not built: no module named " + own.module()
								+ " sets meshgate.image.skip to false (modules that do: " + build.modules() + ")"));
			}
			else if (own.publishedElsewhere() ? own.tag().isEmpty() : !own.tag().equals(build.version())) {
				violations.add(Violation.of(own.workload(), field,
						own.image() + " is not what the build produces (" + build.image(own.module())
								+ ", the project version of " + build.pom()
								+ "): set newTag in the overlay's images: to " + build.version()
								+ ", or newName to a registry that holds " + own.tag()));
			}
		}
		return violations;
	}

	/** Every module that ships as an image runs somewhere in the bundle. */
	static List<Violation> builtImagesAreDeployed(List<ManifestObject> objects, ImageBuild build) {
		List<String> deployed = ownContainers(objects).stream().map(OwnContainer::module).toList();
		return build.modules()
			.stream()
			.filter((module) -> !deployed.contains(module))
			.map((module) -> new Violation(build.pom(), "module " + module, "meshgate.image.skip",
					"builds " + build.image(module) + " but no Deployment or Knative Service runs it"))
			.toList();
	}

	/**
	 * The containers run as the user the image is built for: the container's runAsUser,
	 * or else the pod's. Files the image holds (the agent under /otel) are readable by
	 * it.
	 */
	static List<Violation> imagesRunAsTheImageUser(List<ManifestObject> objects, ImageBuild build) {
		List<Violation> violations = new ArrayList<>();
		for (OwnContainer own : ownContainers(objects)) {
			JsonNode containerUser = own.container().spec().path("securityContext").path("runAsUser");
			String field = containerUser.isMissingNode() ? "spec.template.spec.securityContext.runAsUser"
					: own.container().path() + ".securityContext.runAsUser";
			JsonNode user = containerUser.isMissingNode()
					? Workloads.podSpec(own.workload()).path("securityContext").path("runAsUser") : containerUser;
			if (!user.canConvertToLong() || user.asLong() != build.user()) {
				violations.add(Violation.of(own.workload(), field,
						"runs " + own.image() + " as " + (user.isMissingNode() ? "the image's default" : user.asText())
								+ ", not as its user " + build.user() + " (meshgate.image.user in " + build.pom()
								+ ")"));
			}
		}
		return violations;
	}

	/**
	 * A {@code -javaagent:} path or any path under the image's OpenTelemetry folder that
	 * a container's environment names (its own env, or a ConfigMap it reads with envFrom)
	 * is a file the image holds: otherwise the JVM does not start.
	 */
	static List<Violation> agentPathsAreInTheImage(List<ManifestObject> objects, ImageBuild build) {
		List<Violation> violations = new ArrayList<>();
		for (OwnContainer own : ownContainers(objects)) {
			JsonNode env = own.container().spec().path("env");
			for (int i = 0; i < env.size(); i++) {
				checkPaths(own.workload(), own.container().path() + ".env[" + i + "].value",
						env.get(i).path("value").asText(), build, violations);
			}
			for (JsonNode source : own.container().spec().path("envFrom")) {
				String configMap = source.path("configMapRef").path("name").asText();
				for (ManifestObject map : PlatformRules.ofKind(objects, "ConfigMap")) {
					if (map.name().equals(configMap) && map.namespace().equals(own.workload().namespace())) {
						map.tree()
							.path("data")
							.fields()
							.forEachRemaining((entry) -> checkPaths(map, "data." + entry.getKey(),
									entry.getValue().asText(), build, violations));
					}
				}
			}
		}
		return violations.stream().distinct().toList();
	}

	private static void checkPaths(ManifestObject owner, String field, String value, ImageBuild build,
			List<Violation> violations) {
		List<String> paths = new ArrayList<>();
		Matcher agent = JAVA_AGENT.matcher(value);
		while (agent.find()) {
			paths.add(agent.group(1));
		}
		Matcher underFolder = Pattern.compile(Pattern.quote(build.otelDirectory()) + "[^\\s=,:;\"']+").matcher(value);
		while (underFolder.find()) {
			paths.add(underFolder.group());
		}
		for (String path : paths) {
			if (!build.otelFiles().contains(path)) {
				violations.add(Violation.of(owner, field,
						path + " is not in the image (it holds " + build.otelFiles() + ", " + build.pom() + ")"));
			}
		}
	}

	private static List<OwnContainer> ownContainers(List<ManifestObject> objects) {
		List<OwnContainer> own = new ArrayList<>();
		for (ManifestObject workload : Workloads.withPodTemplates(objects)) {
			for (Workloads.Container container : Workloads.containers(workload)) {
				Matcher image = OWN_IMAGE.matcher(container.spec().path("image").asText());
				if (image.matches()) {
					String registry = (image.group(1) != null) ? image.group(1) : DEFAULT_REGISTRY;
					own.add(new OwnContainer(workload, container, image.group(0), image.group(2),
							(image.group(3) != null) ? image.group(3) : "", !registry.equals(DEFAULT_REGISTRY)));
				}
			}
		}
		return own;
	}

	/**
	 * A container that runs a {@code meshgate/} image.
	 *
	 * @param workload the Deployment, StatefulSet, DaemonSet or Knative Service
	 * @param container the container
	 * @param image the image as written
	 * @param module the image's name after {@code meshgate/}
	 * @param tag its tag, empty when it has none
	 * @param publishedElsewhere whether it names a registry other than Docker Hub
	 */
	private record OwnContainer(ManifestObject workload, Workloads.Container container, String image, String module,
			String tag, boolean publishedElsewhere) {

	}

}
