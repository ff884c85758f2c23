package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Multi-document YAML to JSON trees. */
final class Yaml {

	static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

	private Yaml() {
	}

	static List<ObjectNode> documents(String yaml) {
		try (MappingIterator<JsonNode> documents = MAPPER.readerFor(JsonNode.class).readValues(yaml)) {
			List<ObjectNode> objects = new ArrayList<>();
			while (documents.hasNext()) {
				if (documents.next() instanceof ObjectNode object) {
					objects.add(object);
				}
			}
			return objects;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<ObjectNode> documents(Path file) {
		try {
			return documents(java.nio.file.Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Objects of a file that is not rendered, such as a broken sample. */
	static List<ManifestObject> objects(Path file) {
		String name = Repository.relative(file);
		return documents(file).stream().map((tree) -> new ManifestObject(name, tree)).toList();
	}

}
