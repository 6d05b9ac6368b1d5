import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";
import { gql, type RequestOptions } from "./client";

/**
 * Generates queries for every path of a schema: each root field (and, on a subgraph, each entity type through
 * `_entities`) with every field below it, to a depth. Used to prove that no path leaks what it must not.
 */
export interface CrawlOptions {
  depth?: number;
  /** Values for required arguments, by argument name (each value tried in turn). */
  values?: Record<string, unknown[]>;
  /** Root fields to leave out (e.g. federation internals on the gateway). */
  skip?: string[];
}

export async function introspect(url: string, options: RequestOptions = {}): Promise<GraphQLSchema> {
  const res = await gql<IntrospectionQuery>(url, getIntrospectionQuery(), undefined, options);
  if (!res.data) throw new Error(`introspection failed: ${JSON.stringify(res.errors)}`);
  return buildClientSchema(res.data);
}

/** A value of `type` with what a client must send at least (`values` by argument or field name first), as JSON. */
export function sample(type: GraphQLInputType, name: string, options: CrawlOptions = {}, pick = 0): unknown {
  const given = options.values?.[name];
  if (given?.length) return given[pick % given.length];
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) return [sample(nullable.ofType, name, options, pick)];
  if (isEnumType(nullable)) return nullable.getValues()[0].name;
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields()).filter((f) => isNonNullType(f.type));
    return Object.fromEntries(fields.map((f) => [f.name, sample(f.type, f.name, options, pick)]));
  }
  const scalars: Record<string, unknown> = { Int: 1, Float: 1.5, Boolean: true, ID: String(pick + 1), Date: "2026-01-01", DateTime: "2026-01-01T00:00:00Z" };
  return scalars[nullable.name] ?? "probe";
}

/** The same value as a GraphQL literal, to write into a query. */
export function literal(type: GraphQLInputType, name: string, options: CrawlOptions, pick = 0): string {
  return printValue(sample(type, name, options, pick), type);
}

/** A JSON value of `type` as a GraphQL literal. */
export function printValue(value: unknown, type: GraphQLInputType): string {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    return Array.isArray(value) ? `[${value.map((item) => printValue(item, nullable.ofType)).join(", ")}]` : printValue(value, nullable.ofType);
  }
  if (isEnumType(nullable) && typeof value === "string") return value;
  if (isInputObjectType(nullable) && typeof value === "object" && value !== null) {
    const fields = nullable.getFields();
    return `{ ${Object.entries(value).map(([key, inner]) => `${key}: ${printValue(inner, fields[key].type)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

function args(field: GraphQLField<unknown, unknown>, options: CrawlOptions, pick: number): string | undefined {
  const parts: string[] = [];
  for (const arg of field.args as readonly GraphQLArgument[]) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (arg.name === "first") parts.push("first: 100");
    else if (required || options.values?.[arg.name]) {
      const value = literal(arg.type, arg.name, options, pick);
      if (value === undefined) return undefined;
      parts.push(`${arg.name}: ${value}`);
    }
  }
  return parts.length ? `(${parts.join(", ")})` : "";
}

/** Every field of `type` to `depth`, never expanding a type already on the path (no cycles). */
export function selection(type: GraphQLNamedType, options: CrawlOptions, depth: number, path: string[] = []): string {
  if (isLeafType(type)) return "";
  if (!isObjectType(type)) {
    // Interfaces and unions: the concrete types' fields through inline fragments.
    return "{ __typename }";
  }
  const parts: string[] = ["__typename"];
  for (const field of Object.values((type as GraphQLObjectType).getFields())) {
    const named = getNamedType(field.type);
    const fieldArgs = args(field, options, 0);
    if (fieldArgs === undefined) continue;
    if (isLeafType(named)) parts.push(`${field.name}${fieldArgs}`);
    else if (depth > 0 && !path.includes(named.name)) {
      const inner = selection(named, options, depth - 1, [...path, type.name]);
      if (inner) parts.push(`${field.name}${fieldArgs} ${inner}`);
    }
  }
  return `{ ${parts.join(" ")} }`;
}

export interface CrawlRequest {
  path: string;
  query: string;
}

/** One or more queries per root field of the schema (several when it takes ids: each given id in turn). */
export function rootQueries(schema: GraphQLSchema, options: CrawlOptions = {}): CrawlRequest[] {
  const depth = options.depth ?? 4;
  const requests: CrawlRequest[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    if (options.skip?.includes(field.name)) continue;
    const tries = field.args.some((a) => isNonNullType(a.type) && options.values?.[a.name]) ? Math.max(...field.args.map((a) => options.values?.[a.name]?.length ?? 1)) : 1;
    for (let pick = 0; pick < tries; pick++) {
      const parts = field.args
        .filter((a) => a.name === "first" || (isNonNullType(a.type) && a.defaultValue === undefined) || options.values?.[a.name])
        .map((a) => (a.name === "first" ? "first: 100" : `${a.name}: ${literal(a.type, a.name, options, pick)}`));
      const named = getNamedType(field.type);
      const query = `{ ${field.name}${parts.length ? `(${parts.join(", ")})` : ""} ${selection(named, options, depth, ["Query"])} }`;
      requests.push({ path: `Query.${field.name}#${pick}`, query });
    }
  }
  return requests;
}

/** `_entities` queries for each entity type of a subgraph's SDL, with representations for the given ids. */
export function entityQueries(sdl: string, schema: GraphQLSchema, ids: string[], options: CrawlOptions = {}): CrawlRequest[] {
  const requests: CrawlRequest[] = [];
  for (const match of sdl.matchAll(/type (\w+)[^{]*@key\(fields: "(\w+)"/g)) {
    const [, typeName, keyField] = match;
    const type = schema.getType(typeName);
    if (!type || !isObjectType(type)) continue;
    const representations = ids.map((id) => `{ __typename: "${typeName}", ${keyField}: ${JSON.stringify(keyField === "id" ? id : `probe-${id}`)} }`);
    requests.push({
      path: `_entities.${typeName}(${keyField})`,
      query: `{ _entities(representations: [${representations.join(", ")}]) { ... on ${typeName} ${selection(type, options, options.depth ?? 2, ["Query"])} } }`,
    });
  }
  return requests;
}
