package io.meshgate.auth.account;

import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.util.Assert;

/**
 * Seeds the documented demo account on the local platform, with the roles configured for
 * it. Bound to the {@code local} profile, which no Kubernetes overlay activates.
 */
@Profile("local")
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoAccount.Properties.class)
class DemoAccount implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoAccount.class);

	private final AccountRepository accounts;

	private final AccountService accountService;

	private final Properties demo;

	DemoAccount(AccountRepository accounts, AccountService accountService, Properties demo) {
		this.accounts = accounts;
		this.accountService = accountService;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		Assert.hasText(this.demo.email(), "meshgate.demo-account.email is required in the local profile");
		Assert.hasText(this.demo.password(), "meshgate.demo-account.password is required in the local profile");
		Account account = this.accounts.findByEmail(this.demo.email()).orElseGet(this::create);
		Set<String> missing = new TreeSet<>(this.demo.roles());
		missing.removeAll(account.roles());
		if (!missing.isEmpty()) {
			this.accounts.addRoles(account.id(), missing);
			logger.info("Gave the local demo account the roles {}", missing);
		}
	}

	private Account create() {
		Account account = this.accountService.signUp(this.demo.email(), this.demo.password(), this.demo.displayName());
		logger.info("Created the local demo account {}", this.demo.email());
		return account;
	}

	/**
	 * Not validated on binding: the property scan binds it in every profile, and only the
	 * local profile sets it.
	 *
	 * @param roles granted on top of the USER every account has, at every start: a demo
	 * account created by an older version gets them too
	 */
	@ConfigurationProperties("meshgate.demo-account")
	record Properties(String email, String password, String displayName, Set<String> roles) {

		Properties {
			roles = (roles != null) ? Set.copyOf(roles) : Set.of();
		}

		@Override
		public String toString() {
			return "DemoAccount.Properties[email=" + this.email + ", roles=" + this.roles + "]";
		}

	}

}
