package io.meshgate.storefront.reviewer;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.meshgate.storefront.upstream.CallerToken;
import io.meshgate.storefront.upstream.Upstream;
import io.meshgate.storefront.upstream.Upstreams;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * member-service's batch read (CONTRACTS: {@code GET /display-names?ids=..}, at most 100
 * ids): one entry for each id that has a profile.
 */
@Component
class DisplayNameClient {

	/** The most ids member-service accepts in one call. */
	static final int MAX_IDS = 100;

	private final Upstream memberService;

	DisplayNameClient(Upstreams upstreams) {
		this.memberService = upstreams.named("member-service", "Reviewers are");
	}

	List<Reviewer> displayNames(Collection<UUID> memberIds, CallerToken caller) {
		String ids = memberIds.stream().map(UUID::toString).collect(Collectors.joining(","));
		return this.memberService.get((uri) -> uri.path("/display-names").queryParam("ids", ids).build(),
				new ParameterizedTypeReference<>() {
				}, caller);
	}

}
