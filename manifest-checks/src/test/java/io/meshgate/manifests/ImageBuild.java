package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the Maven build's Jib configuration (the root pom.xml) produces, read from the
 * poms themselves: which modules ship as an image ({@code meshgate.image.skip} false),
 * the project version that tags them, the user they run as, and the files the image holds
 * under the OpenTelemetry folder.
 *
 * @param pom the root pom, repository-relative
 * @param version the project version, the tag of every image
 * @param modules the artifactIds of the modules that ship as an image
 * @param user the image's user ({@code meshgate.image.user})
 * @param otelDirectory the image's OpenTelemetry folder
 * ({@code meshgate.image.otel-directory}), ending in a slash
 * @param otelFiles absolute paths of the files the image holds in that folder
 * @param pins the upstream versions the image build pins (docs/versions.md)
 */
record ImageBuild(String pom, String version, Set<String> modules, long user, String otelDirectory,
		Set<String> otelFiles, List<PinnedVersions.Pin> pins) {

	private static final String ROOT_DIRECTORY = "${maven.multiModuleProjectDirectory}";

	private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git", "src");

	static ImageBuild read(Path root) {
		Path rootPom = root.resolve("pom.xml");
		Element project = parse(rootPom).getDocumentElement();
		Element properties = child(project, "properties");
		String otelDirectory = text(properties, "meshgate.image.otel-directory") + "/";
		Set<String> otelFiles = new TreeSet<>();
		// The agent's jar, staged by the stage-otel-agent execution under its
		// destFileName.
		for (String name : texts(project, "destFileName")) {
			otelFiles.add(otelDirectory + name);
		}
		// Folders of the repository that Jib adds as extra directories.
		for (String from : texts(project, "from")) {
			if (from.startsWith(ROOT_DIRECTORY)) {
				for (Path file : files(root.resolve(from.substring(ROOT_DIRECTORY.length() + 1)))) {
					otelFiles.add(otelDirectory + file.getFileName());
				}
			}
		}
		String pom = Repository.relative(rootPom);
		List<PinnedVersions.Pin> pins = List.of(
				new PinnedVersions.Pin("com.google.cloud.tools:jib-maven-plugin",
						text(properties, "jib-maven-plugin.version"), pom, "properties", "jib-maven-plugin.version"),
				image(text(properties, "meshgate.image.base"), pom));
		return new ImageBuild(pom, text(project, "version"), imageModules(root),
				Long.parseLong(text(properties, "meshgate.image.user")), otelDirectory, otelFiles, pins);
	}

	/** The image as the manifests name it, tag included. */
	String image(String module) {
		return "meshgate/" + module + ":" + this.version;
	}

	private static PinnedVersions.Pin image(String reference, String pom) {
		int colon = reference.lastIndexOf(':');
		return new PinnedVersions.Pin(reference.substring(0, colon), reference.substring(colon + 1), pom, "properties",
				"meshgate.image.base");
	}

	private static Set<String> imageModules(Path root) {
		Set<String> modules = new TreeSet<>();
		for (Path pom : poms(root)) {
			Element project = parse(pom).getDocumentElement();
			Element properties = child(project, "properties");
			if (properties != null && "false".equals(text(properties, "meshgate.image.skip"))) {
				modules.add(text(project, "artifactId"));
			}
		}
		return modules;
	}

	private static List<Path> poms(Path root) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.getFileName().toString().equals("pom.xml"))
				.filter((file) -> Stream.of(root.relativize(file).toString().split("/")).noneMatch(SKIPPED::contains))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> files(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Document parse(Path pom) {
		try {
			return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read " + pom, ex);
		}
	}

	/** A direct child element, or null. */
	private static Element child(Element parent, String name) {
		NodeList children = parent.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element element && element.getTagName().equals(name)) {
				return element;
			}
		}
		return null;
	}

	private static String text(Element parent, String name) {
		Element child = child(parent, name);
		return (child != null) ? child.getTextContent().strip() : null;
	}

	/** The text of every element with that name, at any depth. */
	private static List<String> texts(Element parent, String name) {
		NodeList elements = parent.getElementsByTagName(name);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < elements.getLength(); i++) {
			texts.add(elements.item(i).getTextContent().strip());
		}
		return texts;
	}

}
