import { GraphQLScalarType, type GraphQLScalarTypeConfig, type ValueNode } from "graphql";
import { DateTimeResolver, LocalDateResolver } from "graphql-scalars";
import { dateInRange, instantInRange } from "./civil-time";
import { ClientMistake, ErrorCode } from "@contagem/common";

/** A Date or DateTime the client wrote wrong (malformed, or outside the years the graph keeps), literal or variable. */
const invalid = (message: string) => new ClientMistake(ErrorCode.BAD_USER_INPUT, message);

/** The scalar `base` with its input (variables and literals) refused outside the years `inRange` admits. */
function ranged<T>(base: GraphQLScalarTypeConfig<T, unknown>, inRange: (value: T) => boolean, range: string, description: string) {
  const check = (parse: () => T, raw: unknown): T => {
    let value: T;
    try {
      value = parse();
    } catch (error) {
      throw invalid((error as Error).message);
    }
    if (!inRange(value)) throw invalid(`${base.name} ${JSON.stringify(raw)} is out of range: ${range}.`);
    return value;
  };
  return new GraphQLScalarType<T, unknown>({
    ...base,
    description,
    parseValue: (value) => check(() => base.parseValue!(value), value),
    parseLiteral: (ast: ValueNode, variables) => check(() => base.parseLiteral!(ast, variables), "value" in ast ? ast.value : undefined),
  });
}

/** An instant, ISO 8601 with offset (graphql-scalars' DateTime); JS `Date` fields map to it. */
export const DateTimeScalar = ranged<Date>(
  DateTimeResolver.toConfig() as GraphQLScalarTypeConfig<Date, unknown>,
  instantInRange,
  "years 0001 to 9999, in UTC and in Contagem's civil time (America/Sao_Paulo)",
  `${DateTimeResolver.description} Years 0001 to 9999, in UTC and in Contagem's civil time (America/Sao_Paulo).`,
);

/**
 * A calendar date `YYYY-MM-DD` without time zone (graphql-scalars' LocalDate validation, published as `Date`).
 * It stays a string end to end, so a date never shifts by a day across time zones.
 */
export const DateScalar = ranged<string>(
  { ...(LocalDateResolver.toConfig() as GraphQLScalarTypeConfig<string, unknown>), name: "Date" },
  dateInRange,
  "years 0001 to 9999",
  "A calendar date, `YYYY-MM-DD` (ISO 8601), years 0001 to 9999, without time zone. Dates the graph derives from instants (a meeting's day, \"today\") are Contagem's civil dates, in America/Sao_Paulo.",
);

export const scalarsMap = [{ type: Date, scalar: DateTimeScalar }];
