package io.meshgate.member.profile;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's profile as stored.
 *
 * @param id the account id, the {@code sub} of the member's tokens
 * @param displayName how the member is shown, empty until known
 * @param email the e-mail the token carried when the profile was created, if any
 * @param bio a short text about the member, or {@code null}
 * @param locale a BCP 47 language tag, or {@code null}
 * @param version incremented by every change; the ETag
 * @param createdAt when the profile was created
 * @param updatedAt when it last changed
 */
record MemberProfile(UUID id, String displayName, String email, String bio, String locale, long version,
		Instant createdAt, Instant updatedAt) {

}
