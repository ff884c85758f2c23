package io.meshgate.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests count as the actuator's, and that their span is never sampled. The
 * services and the gateway prove the whole behaviour over HTTP (their
 * ActuatorTracingIntegrationTests).
 */
class UnsampledActuatorRequestsTests {

	private final SimpleTracer tracer = new SimpleTracer();

	@Test
	void takesTheActuatorBasePathAndWhatIsBelowIt() {
		PathRequests handler = new PathRequests(this.tracer, "/actuator");

		assertThat(handler.supportsContext(new PathContext("/actuator"))).isTrue();
		assertThat(handler.supportsContext(new PathContext("/actuator/health/readiness"))).isTrue();
		assertThat(handler.supportsContext(new PathContext("/actuatorx"))).isFalse();
		assertThat(handler.supportsContext(new PathContext("/api/actuator"))).isFalse();
		assertThat(handler.supportsContext(new Observation.Context())).isFalse();
	}

	@Test
	void leavesEveryRequestAloneWhenTheActuatorSitsAtTheRoot() {
		PathRequests handler = new PathRequests(this.tracer, "");

		assertThat(handler.supportsContext(new PathContext("/health"))).isFalse();
		assertThat(handler.supportsContext(new PathContext("/"))).isFalse();
	}

	@Test
	void startsAnUnsampledServerSpan() {
		PathRequests handler = new PathRequests(this.tracer, "/actuator");
		PathContext context = new PathContext("/actuator/prometheus");

		handler.onStart(context);
		handler.onStop(context);

		assertThat(this.tracer.onlySpan().getTraceId()).hasSize(32);
		assertThat(handler.getRequiredSpan(context).context().sampled()).isFalse();
	}

	static final class PathContext extends Observation.Context {

		private final String path;

		PathContext(String path) {
			this.path = path;
		}

	}

	static final class PathRequests extends UnsampledActuatorRequests<PathContext> {

		PathRequests(SimpleTracer tracer, String actuatorBasePath) {
			super(tracer, actuatorBasePath, PathContext.class);
		}

		@Override
		protected String pathWithinApplication(PathContext context) {
			return context.path;
		}

	}

}
