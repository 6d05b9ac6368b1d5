import {
  getNamedType,
  isAbstractType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import type { OperationBuilder } from "./operation";
import type { Random } from "./random";
import { generateValue, type ValueKnobs } from "./values";

export interface SelectionContext {
  schema: GraphQLSchema;
  rnd: Random;
  builder: OperationBuilder;
  knobs: ValueKnobs;
  /** Levels of nested selections still allowed below this one. */
  maxDepth: number;
  /** Most fields selected on one type. */
  width: number;
}

type AnyField = GraphQLField<unknown, unknown>;

/** Arguments of a field: the required ones always, optional ones by chance (`first` more often: it bounds pages). */
export function argumentsOf(field: AnyField, ctx: SelectionContext): string {
  const parts: string[] = [];
  for (const arg of field.args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    const give = required || ctx.rnd.chance(arg.name === "first" ? 0.6 : ctx.knobs.optional);
    if (!give) continue;
    parts.push(ctx.builder.arg(arg.name, arg.type, generateValue(arg.type, ctx.rnd, ctx.knobs, arg.name)));
  }
  return parts.length ? `(${parts.join(", ")})` : "";
}

/** `name(args) { … }` for one field, its sub-selection generated to the remaining depth; `args` given or generated. */
export function fieldSelection(field: AnyField, ctx: SelectionContext, depth: number, alias?: string, args?: string): string {
  const head = `${alias ? `${alias}: ` : ""}${field.name}${args ?? argumentsOf(field, ctx)}`;
  const named = getNamedType(field.type);
  return isLeafType(named) ? head : `${head} { ${selectionOf(named, ctx, depth + 1)} }`;
}

/** The contents of a selection set on `type`: a few fields, leaves only once the depth is spent. */
export function selectionOf(type: GraphQLNamedType, ctx: SelectionContext, depth: number): string {
  if (isAbstractType(type)) {
    const possible = ctx.rnd.sample(ctx.schema.getPossibleTypes(type), ctx.rnd.int(1, 2));
    return ["__typename", ...possible.map((t) => `... on ${t.name} { ${selectionOf(t, ctx, depth)} }`)].join(" ");
  }
  if (!isObjectType(type)) return "__typename";
  const fields = Object.values((type as GraphQLObjectType).getFields()) as AnyField[];
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
  const pool = depth >= ctx.maxDepth ? leaves : fields;
  if (pool.length === 0) return "__typename";
  const chosen = ctx.rnd.sample(pool, ctx.rnd.int(1, ctx.width));
  const parts = chosen.map((f) => fieldSelection(f, ctx, depth));
  if (ctx.rnd.chance(0.1)) parts.push("__typename");
  return parts.join(" ");
}

/** Root fields of an operation type, federation internals left to their own generator. */
export function rootFields(type: GraphQLObjectType | null | undefined): AnyField[] {
  return type ? (Object.values(type.getFields()) as AnyField[]).filter((f) => !f.name.startsWith("_")) : [];
}
