package io.meshgate.member.displayname;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /display-names?ids=a,b}: the storefront's one call per query for every
 * reviewer on the page. Ids without a profile are left out rather than failing the batch.
 */
@RestController
class DisplayNameController {

	private final JdbcClient jdbc;

	DisplayNameController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/display-names")
	List<DisplayName> displayNames(@RequestParam @NotEmpty @Size(max = 100) List<UUID> ids) {
		return this.jdbc.sql("SELECT id, display_name FROM member_profile WHERE id = ANY(:ids) ORDER BY id")
			.param("ids", ids.toArray(UUID[]::new))
			.query((row, rowNumber) -> new DisplayName(row.getObject("id", UUID.class), row.getString("display_name")))
			.list();
	}

}
