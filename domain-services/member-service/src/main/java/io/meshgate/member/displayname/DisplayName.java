package io.meshgate.member.displayname;

import java.util.UUID;

/**
 * How a member is shown next to what they wrote, for example on a public review.
 *
 * @param id the account id
 * @param displayName the profile's display name, empty until the member sets one
 */
record DisplayName(UUID id, String displayName) {

}
