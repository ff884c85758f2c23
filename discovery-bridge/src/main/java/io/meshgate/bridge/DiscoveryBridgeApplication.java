package io.meshgate.bridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The discovery-bridge operator: {@code EurekaSyncer}s join Eureka and Kubernetes/Istio
 * service discovery while services move from one to the other
 * (docs/migration-from-eureka.md).
 */
@SpringBootApplication
public class DiscoveryBridgeApplication {

	public static void main(String[] args) {
		SpringApplication.run(DiscoveryBridgeApplication.class, args);
	}

}
