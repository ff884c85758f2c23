package io.meshgate.localplatform;

import java.util.regex.Pattern;

/**
 * A service's own database and the role that owns it; both carry the same name.
 *
 * @param name the database and role name
 * @param password the role's password
 */
record DatabaseAccount(String name, String password) {

	// The name goes into DDL, where it cannot be a bind parameter.
	private static final Pattern SQL_IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

	DatabaseAccount {
		if (!SQL_IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("database name must match " + SQL_IDENTIFIER + ": " + name);
		}
	}

	static DatabaseAccount of(String name, Secrets secrets) {
		return new DatabaseAccount(name, secrets.get("postgres." + name + ".password"));
	}

	@Override
	public String toString() {
		return "DatabaseAccount[name=" + this.name + "]";
	}

}
