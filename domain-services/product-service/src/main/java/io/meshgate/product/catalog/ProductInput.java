package io.meshgate.product.catalog;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /products} and {@code PUT /products/{id}}: every field a client
 * sets, all of them at once.
 *
 * @param name 1 to 200 characters, not only blanks
 * @param description up to 2000 characters; {@code null} for none
 * @param price at least zero, at most two decimals (the column is {@code numeric(12,2)})
 * @param currency an ISO 4217 code such as {@code EUR}
 */
record ProductInput(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
		@NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price,
		@NotNull @CurrencyCode String currency) {

}
