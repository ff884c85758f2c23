package io.meshgate.bridge.customresource;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a changed spec names another export target, whose instances are to be cancelled.
 */
class ExportTargetTests {

	private static final String EUREKA_1 = "http://eureka-1.example:8761/eureka";

	private static final String EUREKA_2 = "http://eureka-2.example:8761/eureka";

	private static final String OTHER_REGISTRY = "http://eureka.other.example:8761/eureka";

	@Test
	void appNameInAnotherCaseIsTheSameTarget() {
		assertThat(target("orders", EUREKA_1).sameAs(target("ORDERS", EUREKA_1))).isTrue();
	}

	@Test
	void anotherAppNameIsAnotherTarget() {
		assertThat(target("ORDERS", EUREKA_1).sameAs(target("PURCHASES", EUREKA_1))).isFalse();
	}

	@Test
	void listsSharingAServerNameTheSameRegistry() {
		assertThat(target("ORDERS", EUREKA_1, EUREKA_2).sameAs(target("ORDERS", EUREKA_2))).isTrue();
		assertThat(target("ORDERS", EUREKA_1).sameAs(target("ORDERS", EUREKA_1 + "/"))).isTrue();
	}

	@Test
	void listsWithoutACommonServerAreAnotherTarget() {
		assertThat(target("ORDERS", EUREKA_1, EUREKA_2).sameAs(target("ORDERS", OTHER_REGISTRY))).isFalse();
	}

	private static ExportTarget target(String app, String... urls) {
		return new ExportTarget(app, List.of(urls), 90);
	}

}
