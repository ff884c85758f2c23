package io.meshgate.storefront;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StorefrontServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(StorefrontServiceApplication.class, args);
	}

}
