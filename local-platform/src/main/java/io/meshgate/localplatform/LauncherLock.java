package io.meshgate.localplatform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Ensures one launcher per local directory. The operating system releases the lock when
 * the launcher dies, even by kill -9, so whoever holds it knows that processes named in
 * the pid files are leftovers, safe to stop.
 */
final class LauncherLock {

	// Held for the life of the JVM: a collected channel would release the lock.
	private static FileChannel channel;

	private LauncherLock() {
	}

	static synchronized void acquire(Path runDirectory) throws IOException {
		Files.createDirectories(runDirectory);
		Path file = runDirectory.resolve("launcher.lock");
		FileChannel candidate = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		FileLock lock = candidate.tryLock();
		if (lock == null) {
			String holder = Files.readString(file).strip();
			candidate.close();
			throw new IOException("the local platform is already running (launcher pid " + holder
					+ "); stop it first, or pass --local-dir and --port-offset to run another one");
		}
		candidate.truncate(0);
		candidate
			.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
		channel = candidate;
	}

}
