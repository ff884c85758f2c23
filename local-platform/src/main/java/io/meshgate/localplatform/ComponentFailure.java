package io.meshgate.localplatform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A component that could not start, with what a developer needs to fix it: which one,
 * why, and the end of its log.
 */
final class ComponentFailure extends Exception {

	private static final int TAIL_LINES = 20;

	private final String component;

	private final Path logFile;

	ComponentFailure(Component component, String reason, Throwable cause) {
		super(describe(component.name(), reason, component.logFile()), cause);
		this.component = component.name();
		this.logFile = component.logFile();
	}

	String component() {
		return this.component;
	}

	Path logFile() {
		return this.logFile;
	}

	private static String describe(String component, String reason, Path logFile) {
		StringBuilder message = new StringBuilder();
		message.append(component).append(" failed to start: ").append(reason).append(System.lineSeparator());
		message.append("  log: ").append(logFile).append(System.lineSeparator());
		List<String> tail = tail(logFile);
		if (!tail.isEmpty()) {
			message.append("  last lines:").append(System.lineSeparator());
			tail.forEach((line) -> message.append("    ").append(line).append(System.lineSeparator()));
		}
		return message.toString();
	}

	private static List<String> tail(Path logFile) {
		try {
			// Decoded leniently: a half-written multi-byte character must not hide the
			// log.
			String text = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
			List<String> lines = Arrays.asList(text.split("\\R"));
			return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
