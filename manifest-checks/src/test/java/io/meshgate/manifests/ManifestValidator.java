package io.meshgate.manifests;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict validation of any object: the fabric8 models where they exist, the npm type
 * declarations for the rest, and the project's own CRDs for its custom resources. An
 * object that none covers is a violation.
 */
final class ManifestValidator {

	private ManifestValidator() {
	}

	static List<Violation> validate(List<ManifestObject> objects) {
		return validateEach(objects).values().stream().flatMap(List::stream).toList();
	}

	static Map<ManifestObject, List<Violation>> validateEach(List<ManifestObject> objects) {
		List<ManifestObject> declared = objects.stream().filter(DeclarationValidator::covers).toList();
		Map<ManifestObject, List<Violation>> result = new IdentityHashMap<>(DeclarationValidator.validate(declared));
		objects.stream()
			.filter((object) -> !DeclarationValidator.covers(object))
			.forEach((object) -> result.put(object, CustomResourceValidator.covers(object)
					? CustomResourceValidator.validate(object) : TypedModelValidator.validate(object)));
		return result;
	}

}
