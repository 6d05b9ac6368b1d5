import {
  getNamedType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { literal, printValue, sample, selection, type CrawlOptions } from "./crawler";

/**
 * Queries generated from a schema to probe the subgraph boundary at every argument: each object type is reached
 * by a short path (a root field, or `_entities` on a subgraph), the field under test is aliased `probe`, and its
 * arguments vary as the probe needs.
 */
export interface ReachOptions extends CrawlOptions {
  /** Entities to enter through `_entities` (a subgraph's `@key(fields: "…")` types), each with these key values. */
  entities?: { type: string; key: string }[];
  ids?: string[];
}

type Wrap = (inner: string) => string;
export type Field = GraphQLField<unknown, unknown>;

/** For each object type reachable from the roots: how to place a selection on it (shortest path first). */
export function reachableTypes(schema: GraphQLSchema, options: ReachOptions = {}): Map<string, Wrap> {
  const reached = new Map<string, Wrap>();
  const queue: GraphQLObjectType[] = [];
  const enter = (type: GraphQLObjectType, wrap: Wrap) => {
    if (reached.has(type.name)) return;
    reached.set(type.name, wrap);
    queue.push(type);
  };
  const ids = options.ids ?? ["1", "2", "3"];
  for (const { type, key } of options.entities ?? []) {
    const entity = schema.getType(type);
    if (!isObjectType(entity)) continue;
    const representations = ids.map((id) => `{ __typename: "${type}", ${key}: ${JSON.stringify(key === "id" ? id : options.values?.[key]?.[0] ?? id)} }`);
    enter(entity, (inner) => `_entities(representations: [${representations.join(", ")}]) { ... on ${type} { ${inner} } }`);
  }
  enter(schema.getQueryType()!, (inner) => inner);
  while (queue.length) {
    const type = queue.shift()!;
    const wrap = reached.get(type.name)!;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!isObjectType(named) || field.name.startsWith("_")) continue;
      const args = requiredArgs(field, options, { first: "3" });
      if (args === undefined) continue;
      enter(named, (inner) => wrap(`${field.name}${args} { ${inner} }`));
    }
  }
  return reached;
}

/** `(a: …, b: …)` for the required arguments (and those `values` names), with `except` left out; undefined if one cannot be made. */
export function requiredArgs(field: Field, options: CrawlOptions, fixed: Record<string, string> = {}, except?: string): string | undefined {
  const parts: string[] = [];
  for (const arg of field.args) {
    if (arg.name === except) continue;
    if (fixed[arg.name] !== undefined) {
      parts.push(`${arg.name}: ${fixed[arg.name]}`);
      continue;
    }
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (!required && !options.values?.[arg.name]) continue;
    const value = literal(arg.type, arg.name, options);
    if (value === undefined) return undefined;
    parts.push(`${arg.name}: ${value}`);
  }
  return parts.length ? `(${parts.join(", ")})` : "";
}

/** The selection under a probed field: its leaves and two levels (a connection's nodes), or nothing for a leaf. */
export function probeSelection(field: Field, options: CrawlOptions): string {
  const named = getNamedType(field.type);
  return isLeafType(named) ? "" : selection(named, options, 2);
}

export interface NullProbe {
  /** `Type.field(arg:)` */
  coordinate: string;
  absent: string;
  literalNull: string;
  variableNull: { query: string; variables: Record<string, unknown> };
}

/** For every nullable argument of every reachable field: the field with that argument absent, and explicitly null. */
export function nullProbes(schema: GraphQLSchema, reach: Map<string, Wrap>, options: CrawlOptions = {}): NullProbe[] {
  const probes: NullProbe[] = [];
  for (const [typeName, wrap] of reach) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args.filter((a) => !isNonNullType(a.type))) {
        const others = requiredArgs(field, options, {}, arg.name);
        if (others === undefined) continue;
        const sel = probeSelection(field, options);
        const call = (extra: string) => {
          const inner = [others.slice(1, -1), extra].filter(Boolean).join(", ");
          return wrap(`probe: ${field.name}${inner ? `(${inner})` : ""} ${sel}`);
        };
        probes.push({
          coordinate: `${typeName}.${field.name}(${arg.name}:)`,
          absent: `{ ${call("")} }`,
          literalNull: `{ ${call(`${arg.name}: null`)} }`,
          variableNull: { query: `query($probe: ${String(arg.type)}) { ${call(`${arg.name}: $probe`)} }`, variables: { probe: null } },
        });
      }
    }
  }
  return probes;
}

export interface StringProbe {
  coordinate: string;
  /** Where the string sits, as the boundary names it: `input.seats[0].segment`. */
  field: string;
  query: string;
  /** The variables with `value` at `field`. */
  variables: (value: string) => Record<string, unknown>;
  /** The same request with the argument written as a literal, `value` at `field`. */
  literal: (value: string) => string;
}

/** For every string-typed place in the arguments of every reachable field (inputs at any depth, lists' first item). */
export const stringProbes = (schema: GraphQLSchema, reach: Map<string, Wrap>, options: CrawlOptions = {}): StringProbe[] =>
  placeProbes(schema, reach, TEXT_LIKE, options);

/** For every place of the scalars named (`Date`, `DateTime`) in the arguments of every reachable field. */
export const scalarProbes = (schema: GraphQLSchema, reach: Map<string, Wrap>, scalars: string[], options: CrawlOptions = {}): StringProbe[] =>
  placeProbes(schema, reach, (type) => scalars.includes(getNamedType(type).name), options);

function placeProbes(schema: GraphQLSchema, reach: Map<string, Wrap>, isPlace: (type: GraphQLInputType) => boolean, options: CrawlOptions): StringProbe[] {
  const probes: StringProbe[] = [];
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((t): t is GraphQLObjectType => !!t);
  const places = [...reach].map(([name, wrap]) => [schema.getType(name) as GraphQLObjectType, wrap] as const);
  if (schema.getMutationType()) places.push([schema.getMutationType()!, (inner: string) => inner]);
  for (const [type, wrap] of places) {
    const operation = type === schema.getMutationType() ? "mutation" : "query";
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) {
        for (const path of placesOf(arg.type, [arg.name], new Set(), isPlace)) {
          const others = requiredArgs(field, options, {}, arg.name);
          if (others === undefined) continue;
          const call = (value: string) => {
            const inner = [others.slice(1, -1), `${arg.name}: ${value}`].filter(Boolean).join(", ");
            return wrap(`probe: ${field.name}(${inner}) ${probeSelection(field, options)}`);
          };
          const at = (value: string) => withValueAt(sample(arg.type, arg.name), arg.type, path.slice(1), value);
          probes.push({
            coordinate: `${type.name}.${field.name}(${arg.name}:)${roots.includes(type) ? "" : " (nested)"}`,
            field: path.map((p, i) => (typeof p === "number" ? `[${p}]` : i ? `.${p}` : p)).join(""),
            query: `${operation}($probe: ${String(arg.type)}) { ${call("$probe")} }`,
            variables: (value) => ({ probe: at(value) }),
            literal: (value) => `${operation} { ${call(printValue(at(value), arg.type))} }`,
          });
        }
      }
    }
  }
  return probes;
}

const TEXT_LIKE = (type: GraphQLInputType) => {
  const named = getNamedType(type);
  return isScalarType(named) && !["Int", "Float", "Boolean", "DateTime", "Date"].includes(named.name);
};

type Path = (string | number)[];
function placesOf(type: GraphQLInputType, path: Path, seen: Set<string>, isPlace: (type: GraphQLInputType) => boolean): Path[] {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) return placesOf(nullable.ofType, [...path, 0], seen, isPlace);
  if (isPlace(nullable)) return [path];
  if (!isInputObjectType(nullable) || seen.has(nullable.name)) return [];
  const inner = new Set([...seen, nullable.name]);
  return Object.values(nullable.getFields()).flatMap((f) => placesOf(f.type, [...path, f.name], inner, isPlace));
}

function withValueAt(base: unknown, type: GraphQLInputType, path: (string | number)[], value: string): unknown {
  if (!path.length) return value;
  const nullable = isNonNullType(type) ? type.ofType : type;
  const [head, ...rest] = path;
  if (isListType(nullable)) {
    const list = Array.isArray(base) && base.length ? [...base] : [sample(nullable.ofType, "")];
    list[head as number] = withValueAt(list[head as number], nullable.ofType, rest, value);
    return list;
  }
  if (!isInputObjectType(nullable)) throw new Error(`${String(type)} holds no field ${head}`);
  const fields = nullable.getFields();
  const record = { ...((base as Record<string, unknown>) ?? sample(nullable, "")) } as Record<string, unknown>;
  record[head] = withValueAt(record[head] ?? sample(fields[head].type, String(head)), fields[head].type, rest, value);
  return record;
}
