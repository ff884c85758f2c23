package io.meshgate.manifests;

/**
 * One broken rule, located precisely enough to fix it without re-running anything.
 *
 * @param file the repository file the object comes from
 * @param object the object, as {@code Kind namespace/name}
 * @param field the JSON path inside the object, empty for the whole object
 * @param problem what is wrong
 */
record Violation(String file, String object, String field, String problem) {

	static Violation of(ManifestObject object, String field, String problem) {
		return new Violation(object.file(), object.describe(), field, problem);
	}

	@Override
	public String toString() {
		String where = this.field.isEmpty() ? "" : " field " + this.field;
		return this.file + ": " + this.object + where + ": " + this.problem;
	}

}
