package io.meshgate.auth.server;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * Puts Meshgate's checks around Spring Authorization Server's own components, in the
 * lists of converters and providers its configurers expose.
 */
final class SpringComponents {

	private SpringComponents() {
	}

	/**
	 * Replaces the component of the given type by its wrapper, in its place. Fails
	 * start-up if Spring's component is not found, e.g. after an upgrade renamed it,
	 * rather than run without the check.
	 */
	static <T> Consumer<List<T>> wrap(Class<? extends T> type, UnaryOperator<T> wrapper) {
		return (components) -> {
			int index = IntStream.range(0, components.size())
				.filter((i) -> type.isInstance(components.get(i)))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No " + type.getSimpleName() + " to wrap"));
			components.set(index, wrapper.apply(components.get(index)));
		};
	}

}
