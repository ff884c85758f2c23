package io.meshgate.storefront.query;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.CoercedVariables;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What queries cost against the real schema with the default limits, the numbers
 * docs/storefront.md quotes.
 */
class QueryComplexityTests {

	private static final QueryLimitsProperties DEFAULTS = new QueryLimitsProperties(10, 5000, 100, 20);

	private final GraphQLSchema schema = schema();

	@Test
	void fieldsCostOneEach() {
		assertThat(complexity("{ product(id: \"x\") { id name price } }")).isEqualTo(4);
	}

	@Test
	void productItemsCostTheirSelectionTimesThePageSize() {
		assertThat(complexity("{ products(size: 20) { items { id name } } }")).isEqualTo(1 + (1 + 20 * 2));
		assertThat(complexity("{ products(size: 20) { totalElements items { id } } }")).isEqualTo(1 + 1 + (1 + 20));
	}

	@Test
	void defaultPageSizeAndReviewLimitCount() {
		assertThat(complexity("{ products { items { reviews { id } } } }")).isEqualTo(1 + (1 + 20 * (1 + 10)));
	}

	@Test
	void aSizeAboveTheCapCostsNoMoreThanTheCapSoTheArgumentErrorExplainsIt() {
		assertThat(complexity("{ products(size: 1000) { items { id } } }"))
			.isEqualTo(complexity("{ products(size: 100) { items { id } } }"));
	}

	@Test
	void typicalStorefrontPageFitsTheDefaultLimit() {
		int typical = complexity("""
				{ products(size: 20) { totalElements items { id name description price currency
				  reviews(limit: 10) { id rating text createdAt reviewer { id displayName } } } } }""");

		assertThat(typical).isEqualTo(1 + 1 + (1 + 20 * (5 + (1 + 10 * (4 + 3)))));
		assertThat(typical).isLessThanOrEqualTo(DEFAULTS.maxComplexity());
	}

	private int complexity(String query) {
		return QueryComplexityCalculator.newCalculator()
			.fieldComplexityCalculator(QueryLimitsConfig.complexity(DEFAULTS))
			.schema(this.schema)
			.document(Parser.parse(query))
			.variables(CoercedVariables.emptyVariables())
			.build()
			.calculate();
	}

	private static GraphQLSchema schema() {
		try (Reader schema = new InputStreamReader(
				new ClassPathResource("graphql/storefront.graphqls").getInputStream(), StandardCharsets.UTF_8)) {
			return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(schema));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
