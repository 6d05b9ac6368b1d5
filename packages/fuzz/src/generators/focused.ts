import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from "graphql";
import { HOSTILE_IDS, HOSTILE_STRINGS } from "../corpus";
import { OperationBuilder } from "../operation";
import type { Wrap } from "../paths";
import { jsonPost, type Category, type Draft } from "../request";
import { fieldSelection, rootFields, type SelectionContext } from "../selection";
import { EnumLiteral, generateValue, RawLiteral, type Value, type ValueKnobs } from "../values";
import type { GenContext } from "./context";

type AnyField = GraphQLField<unknown, unknown>;

/**
 * One bad value at a time. When every argument is hostile, the first validation error hides the rest: a NUL in a
 * slug never reaches the database if the id beside it is already refused. Here one argument (or one input field)
 * is hostile or explicitly null, and everything else is plausible, so the bad value goes as deep as it can.
 */
const PLAUSIBLE: ValueKnobs = { hostile: 0, wrongType: 0, nulls: 0, optional: 0.3 };
const TEXT = new Set(["String", "ID"]);

/** Paths to the inputs of a type whose scalar is one of `names` (`[]`: the argument itself, `["filter", "search"]`). */
export function scalarPaths(type: GraphQLInputType, names: ReadonlySet<string>, depth = 0): string[][] {
  const named = getNamedType(type);
  if (isScalarType(named)) return names.has(named.name) ? [[]] : [];
  if (!isInputObjectType(named) || depth > 3) return [];
  return Object.values(named.getFields()).flatMap((f) => scalarPaths(f.type, names, depth + 1).map((p) => [f.name, ...p]));
}

const textPaths = (type: GraphQLInputType) => scalarPaths(type, TEXT);

/** Paths to the nullable inputs of a type: arguments, input objects and their fields. */
function nullablePaths(type: GraphQLInputType, depth = 0): string[][] {
  const here = isNonNullType(type) ? [] : [[]];
  const named = getNamedType(type);
  if (!isInputObjectType(named) || depth > 3) return here;
  return [...here, ...Object.values(named.getFields()).flatMap((f) => nullablePaths(f.type, depth + 1).map((p) => [f.name, ...p]))];
}

const isPlainObject = (value: Value): value is Record<string, Value> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof EnumLiteral) && !(value instanceof RawLiteral);

/** `value` with `replacement` at `path`; input objects on the way are made plausible, lists hold one of them. */
function setAt(type: GraphQLInputType, value: Value, path: string[], replacement: Value, ctx: GenContext): Value {
  const named = getNamedType(type);
  if (!path.length || !isInputObjectType(named)) return replacement;
  const isList = isListType(getNullableType(type));
  const current = isList && Array.isArray(value) ? (value[0] ?? null) : value;
  const made = generateValue(named, ctx.rnd, PLAUSIBLE, path[0]);
  const base: Record<string, Value> = isPlainObject(current) ? { ...current } : isPlainObject(made) ? made : {};
  base[path[0]] = setAt(named.getFields()[path[0]].type, base[path[0]] ?? null, path.slice(1), replacement, ctx);
  return isList ? [base] : base;
}

/** Where the one value goes: an argument of a field (a root field, or one `wrap` reaches), and a path into it. */
export interface Site {
  field: AnyField;
  kind: "query" | "mutation";
  arg: GraphQLArgument;
  path: string[];
  wrap?: Wrap;
}

function pickTarget(ctx: GenContext, paths: (arg: GraphQLArgument) => string[][]): Site | null {
  const { rnd, target } = ctx;
  const mutation = target.schema.getMutationType();
  const kind = mutation && rnd.chance(0.35) ? "mutation" : "query";
  const fields = rootFields(kind === "query" ? target.schema.getQueryType() : mutation).filter((f) => f.args.some((a) => paths(a).length));
  if (!fields.length) return null;
  const field = rnd.pick(fields);
  const arg = rnd.pick(field.args.filter((a) => paths(a).length));
  return { field, kind, arg, path: rnd.pick(paths(arg)) };
}

/** The operation with `replacement` at the site, every other required argument plausible. */
export function build(ctx: GenContext, chosen: Site, replacement: Value, label: string, category: Category): Draft {
  const { rnd, target } = ctx;
  const builder = new OperationBuilder(rnd, rnd.pick([0, 0.5, 1]));
  const sel: SelectionContext = { schema: target.schema, rnd, builder, knobs: PLAUSIBLE, maxDepth: rnd.int(1, 2), width: 3 };
  const args: string[] = [];
  for (const arg of chosen.field.args) {
    if (arg === chosen.arg) {
      args.push(builder.arg(arg.name, arg.type, setAt(arg.type, null, chosen.path, replacement, ctx)));
    } else if (isNonNullType(arg.type) && arg.defaultValue === undefined) {
      args.push(builder.arg(arg.name, arg.type, generateValue(arg.type, rnd, PLAUSIBLE, arg.name)));
    }
  }
  const field = fieldSelection(chosen.field, sel, 0, undefined, args.length ? `(${args.join(", ")})` : "");
  const selection = chosen.wrap ? chosen.wrap(field) : field;
  const query = builder.document(chosen.kind, selection);
  const where = [chosen.field.name, chosen.arg.name, ...chosen.path].join(".");
  return { ...jsonPost(category, `${label} at ${where}`, builder.hasVariables() ? { query, variables: builder.variables } : { query }), writes: chosen.kind === "mutation" };
}

/** One hostile string or id in one argument or input field, every other value plausible. */
export function oneHostileValue(ctx: GenContext): Draft | null {
  const chosen = pickTarget(ctx, (a) => textPaths(a.type));
  if (!chosen) return null;
  const value = ctx.rnd.chance(0.3) ? ctx.rnd.pick(HOSTILE_IDS) : ctx.rnd.pick(HOSTILE_STRINGS);
  const shown = JSON.stringify(value);
  return build(ctx, chosen, value, `hostile ${shown.length > 30 ? `${shown.slice(0, 30)}…(${String(value).length})` : shown}`, "strings");
}

/** An explicit null for one nullable argument or input field (`meetings(filter: null)`). */
export function explicitNull(ctx: GenContext): Draft | null {
  const chosen = pickTarget(ctx, (a) => nullablePaths(a.type));
  return chosen ? build(ctx, chosen, null, "explicit null", "query") : null;
}
