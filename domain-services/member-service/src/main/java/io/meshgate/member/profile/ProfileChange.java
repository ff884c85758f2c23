package io.meshgate.member.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /me}: the fields a member may set, all of them at once.
 *
 * @param displayName how the member is shown
 * @param bio a short text about the member; {@code null} clears it
 * @param locale a BCP 47 language tag such as {@code de-CH}; {@code null} clears it
 */
record ProfileChange(@NotBlank @Size(max = 100) String displayName, @Size(max = 500) String bio,
		@Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*",
				message = "must be a language tag such as en or de-CH") String locale) {

}
