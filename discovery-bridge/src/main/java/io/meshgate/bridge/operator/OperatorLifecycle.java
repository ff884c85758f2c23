package io.meshgate.bridge.operator;

import io.javaoperatorsdk.operator.Operator;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the operator after the web server (the default, last phase), so that the
 * management port answers probes while the informers sync, and stops it first on
 * shutdown.
 */
class OperatorLifecycle implements SmartLifecycle {

	private final Operator operator;

	private volatile boolean running;

	OperatorLifecycle(Operator operator) {
		this.operator = operator;
	}

	@Override
	public void start() {
		this.operator.start();
		this.running = true;
	}

	@Override
	public void stop() {
		this.operator.stop();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
