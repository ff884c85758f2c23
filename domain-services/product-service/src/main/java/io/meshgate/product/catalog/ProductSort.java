package io.meshgate.product.catalog;

import java.util.Map;

/**
 * The order of the listing, from the {@code sort} parameter ({@code field} or
 * {@code field,direction}). The column comes from a fixed map, never from the request,
 * and {@code id} breaks ties so that pages neither overlap nor skip a product.
 *
 * @param column the column to sort by
 * @param descending whether the largest value comes first
 */
record ProductSort(String column, boolean descending) {

	/** What {@code sort} may be; checked before {@link #parse} sees it. */
	static final String PATTERN = "(name|price|createdAt)(,(asc|desc))?";

	static final String PATTERN_MESSAGE = "must be name, price or createdAt, optionally followed by ,asc or ,desc";

	private static final Map<String, String> COLUMNS = Map.of("name", "name", "price", "price", "createdAt",
			"created_at");

	static ProductSort parse(String sort) {
		if (!sort.matches(PATTERN)) {
			throw new IllegalArgumentException("Not a sort order: " + sort);
		}
		return new ProductSort(COLUMNS.get(sort.split(",")[0]), sort.endsWith(",desc"));
	}

	/**
	 * The SQL {@code ORDER BY} list; both keys in one direction, so an index serves it.
	 */
	String orderBy() {
		String direction = this.descending ? " DESC" : " ASC";
		return this.column + direction + ", id" + direction;
	}

}
