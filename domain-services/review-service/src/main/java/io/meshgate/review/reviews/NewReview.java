package io.meshgate.review.reviews;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /reviews}. The reviewer is not part of it: it is the token's
 * subject.
 *
 * @param productId the product reviewed, which product-service must know
 * @param rating 1 to 5
 * @param text 1 to 2000 characters, not only white space
 */
record NewReview(@NotNull UUID productId, @NotNull @Min(1) @Max(5) Integer rating,
		@NotBlank @Size(max = 2000) String text) {

}
