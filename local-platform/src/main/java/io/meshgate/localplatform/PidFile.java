package io.meshgate.localplatform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Remembers a child process across launcher crashes. It records the start time too, so a
 * process that merely reuses the pid of a dead one is never taken for it.
 *
 * @param path the file
 */
record PidFile(Path path) {

	void write(ProcessHandle process) {
		String started = process.info().startInstant().map(Instant::toString).orElse("");
		try {
			Files.createDirectories(this.path.getParent());
			Files.writeString(this.path, process.pid() + System.lineSeparator() + started + System.lineSeparator());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + this.path, ex);
		}
	}

	/** The recorded process, if it is still running. */
	Optional<ProcessHandle> liveProcess() {
		List<String> lines = read();
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		String started = (lines.size() > 1) ? lines.get(1) : "";
		return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().startInstant().map(Instant::toString).orElse("").equals(started));
	}

	void delete() {
		try {
			Files.deleteIfExists(this.path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete " + this.path, ex);
		}
	}

	private List<String> read() {
		try {
			return Files.exists(this.path) ? Files.readAllLines(this.path) : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + this.path, ex);
		}
	}

}
