import { GraphQLScalarType } from "graphql";
import { DateTimeResolver, LocalDateResolver } from "graphql-scalars";

/** An instant, ISO 8601 with offset (graphql-scalars' DateTime); JS `Date` fields map to it. */
export const DateTimeScalar = DateTimeResolver;

/**
 * A calendar date `YYYY-MM-DD` without time zone (graphql-scalars' LocalDate validation, published as `Date`).
 * It stays a string end to end, so a date never shifts by a day across time zones.
 */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: "Date",
  description:
    "A calendar date, `YYYY-MM-DD` (ISO 8601), without time zone. Dates the graph derives from instants (a meeting's day, \"today\") are Contagem's civil dates, in America/Sao_Paulo.",
});

export const scalarsMap = [{ type: Date, scalar: DateTimeResolver }];
