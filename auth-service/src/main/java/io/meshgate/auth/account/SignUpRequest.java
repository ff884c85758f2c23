package io.meshgate.auth.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record SignUpRequest(@NotBlank @Email @Size(max = 254) String email,
		@NotBlank @Size(min = 12, max = 128) String password, @NotBlank @Size(max = 100) String displayName) {

	@Override
	public String toString() {
		// Keeps the password out of any log line that prints the request.
		return "SignUpRequest[email=" + this.email + ", displayName=" + this.displayName + "]";
	}

}
