import {
  getNamedType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { createRandom } from "./random";
import { printLiteral, generateValue } from "./values";

type AnyField = GraphQLField<unknown, unknown>;

/** A way to reach a type from the query root: wrap a selection on that type to get a whole query's selection. */
export type Wrap = (inner: string) => string;

/** Lookups take one key (`council(slug: …)` or `council(id: …)`, never both): these first, in this order. */
const LOOKUP_KEYS = ["slug", "code", "id"];

/**
 * Arguments that make a path field return something on the default seed: required ones with plausible values, and
 * for keyed lookups with only optional keys, the first key. Plausible values come from a fixed stream so a path
 * is the same in every request.
 */
function pathArguments(field: AnyField): string {
  const rnd = createRandom(1);
  const knobs = { hostile: 0, wrongType: 0, nulls: 0, optional: 0 };
  const parts = field.args
    .filter((a) => isNonNullType(a.type) && a.defaultValue === undefined)
    .map((a) => `${a.name}: ${printLiteral(generateValue(a.type, rnd, knobs, a.name))}`);
  const named = getNamedType(field.type);
  const isConnection = named.name.endsWith("Connection");
  if (isConnection && field.args.some((a) => a.name === "first")) parts.push("first: 3");
  if (!parts.length && !isConnection) {
    const key = LOOKUP_KEYS.map((k) => field.args.find((a) => a.name === k)).find(Boolean);
    if (key) parts.push(`${key.name}: ${printLiteral(generateValue(key.type, rnd, knobs, key.name))}`);
  }
  return parts.length ? `(${parts.join(", ")})` : "";
}

/**
 * The shortest way from Query to every object type, through connections' `edges { node }` as well as fields.
 * Used to reach nested connection fields (`Council.meetings`) with a bad cursor, and to nest deeply.
 */
const memo = new WeakMap<GraphQLSchema, Map<string, Wrap>>();

export function pathsToTypes(schema: GraphQLSchema): Map<string, Wrap> {
  const known = memo.get(schema);
  if (known) return known;
  const paths = new Map<string, Wrap>();
  const query = schema.getQueryType();
  if (!query) return paths;
  paths.set(query.name, (inner) => inner);
  const queue: GraphQLObjectType[] = [query];
  while (queue.length) {
    const type = queue.shift() as GraphQLObjectType;
    const wrap = paths.get(type.name) as Wrap;
    for (const field of Object.values(type.getFields()) as AnyField[]) {
      if (field.name.startsWith("_")) continue;
      const named = getNamedType(field.type);
      if (!isObjectType(named) || paths.has(named.name)) continue;
      const head = `${field.name}${pathArguments(field)}`;
      paths.set(named.name, (inner) => wrap(`${head} { ${inner} }`));
      queue.push(named);
    }
  }
  memo.set(schema, paths);
  return paths;
}

/** Connection fields with an `after` argument, on every reachable type: where bad cursors go. */
export interface ConnectionSite {
  owner: string;
  field: AnyField;
  wrap: Wrap;
}

export function connectionSites(schema: GraphQLSchema): ConnectionSite[] {
  const sites: ConnectionSite[] = [];
  for (const [owner, wrap] of pathsToTypes(schema)) {
    const type = schema.getType(owner) as GraphQLObjectType;
    for (const field of Object.values(type.getFields()) as AnyField[]) {
      if (field.args.some((a) => a.name === "after")) sites.push({ owner, field, wrap });
    }
  }
  return sites;
}
