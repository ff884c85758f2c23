package io.meshgate.review.reviews;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review API behind the gateway's {@code /api/reviews/**} (prefix stripped to
 * {@code /reviews}): reads are public ({@link ReviewAuthorizationConfig}), writing needs
 * a member's token.
 */
@RestController
@RequestMapping("/reviews")
class ReviewController {

	private final Reviews reviews;

	ReviewController(Reviews reviews) {
		this.reviews = reviews;
	}

	@PostMapping
	ResponseEntity<Review> create(@AuthenticationPrincipal Jwt token, @Valid @RequestBody NewReview review) {
		Review created = this.reviews.create(token, review);
		return ResponseEntity.created(URI.create("/reviews/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	Review get(@PathVariable UUID id) {
		return this.reviews.get(id);
	}

	@GetMapping
	ReviewPage list(@RequestParam UUID productId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.reviews.page(productId, page, size);
	}

	/** The storefront's batch read: one call for a page of products. */
	@GetMapping("/by-product")
	Map<UUID, List<Review>> byProduct(@RequestParam @NotEmpty @Size(max = 100) List<UUID> ids,
			@RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
		return this.reviews.newestByProduct(ids, limit);
	}

}
