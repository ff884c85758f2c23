package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The table of docs/versions.md: one row per pinned component and version, with where and
 * when it was confirmed upstream. It is the first table whose header names
 * {@link #COLUMNS}; columns are found by name, so one may be added. A cell's backticks
 * are not part of its value.
 *
 * @param file repository-relative path of the table, for messages
 * @param rows the rows, in order
 */
record VersionsTable(String file, List<Row> rows) {

	static final List<String> COLUMNS = List.of("component", "version", "pinned in", "confirmed at", "date", "note");

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern SEPARATOR = Pattern.compile("\\|[\\s:|-]+\\|");

	/**
	 * One row.
	 *
	 * @param line its line number in the file
	 * @param component what is pinned, as {@link PinnedVersions.Pin#component()} names it
	 * @param version the pinned version
	 * @param confirmedAt where the version was confirmed (repository@tag:path or URL)
	 * @param date when it was confirmed
	 */
	record Row(int line, String component, String version, String confirmedAt, String date) {

		boolean names(PinnedVersions.Pin pin) {
			return this.component.equals(pin.component()) && this.version.equals(pin.version());
		}

	}

	static VersionsTable read(Path path) {
		List<String> lines;
		try {
			lines = Files.readAllLines(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> header = null;
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (header != null && !line.startsWith("|")) {
				break;
			}
			if (!line.startsWith("|") || SEPARATOR.matcher(line).matches()) {
				continue;
			}
			List<String> cells = cells(line);
			if (header == null) {
				List<String> names = cells.stream().map(String::toLowerCase).toList();
				header = names.containsAll(COLUMNS) ? names : null;
				continue;
			}
			rows.add(new Row(i + 1, cell(cells, header, "component"), cell(cells, header, "version"),
					cell(cells, header, "confirmed at"), cell(cells, header, "date")));
		}
		if (header == null) {
			throw new IllegalStateException(path + " has no table with the columns " + COLUMNS);
		}
		return new VersionsTable(Repository.relative(path), rows);
	}

	boolean lists(PinnedVersions.Pin pin) {
		return this.rows.stream().anyMatch((row) -> row.names(pin));
	}

	/** Every pinned version has a row: it was confirmed upstream at that version. */
	List<Violation> unconfirmed(List<PinnedVersions.Pin> pins) {
		return pins.stream()
			.filter((pin) -> !lists(pin))
			.map((pin) -> pin.violation(
					"'" + pin + "' is not in " + this.file + ": confirm it upstream at that version and add its row"))
			.toList();
	}

	/** Every row says where and when its version was confirmed. */
	List<Violation> incompleteRows() {
		List<Violation> violations = new ArrayList<>();
		for (Row row : this.rows) {
			if (row.component().isEmpty() || row.version().isEmpty()) {
				violations.add(violation(row, "component", "a row names a component and its version"));
			}
			if (row.confirmedAt().isEmpty()) {
				violations.add(violation(row, "confirmed at", "where the version was confirmed is missing"));
			}
			if (!DATE.matcher(row.date()).matches()) {
				violations.add(violation(row, "date", "'" + row.date() + "' is not a date (YYYY-MM-DD)"));
			}
		}
		return violations;
	}

	/**
	 * Every row is still pinned somewhere: a bump replaces its row rather than adding
	 * one.
	 */
	List<Violation> rowsNotPinned(List<PinnedVersions.Pin> pins) {
		return this.rows.stream()
			.filter((row) -> pins.stream().noneMatch(row::names))
			.map((row) -> violation(row, "component",
					"'" + row.component() + " " + row.version() + "' is pinned nowhere any more: remove the row"))
			.toList();
	}

	private Violation violation(Row row, String column, String problem) {
		return new Violation(this.file, "row at line " + row.line(), column, problem);
	}

	private static List<String> cells(String line) {
		String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
		return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
	}

	private static String cell(List<String> cells, List<String> header, String column) {
		int index = header.indexOf(column);
		return (index < cells.size()) ? cells.get(index).replace("`", "").strip() : "";
	}

}
