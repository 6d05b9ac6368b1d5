import { getNamedType, isInputObjectType, isScalarType, type GraphQLInputType } from "graphql";
import { OperationBuilder } from "../operation";
import { jsonPost, type Category, type Draft } from "../request";
import { fieldSelection, rootFields, type SelectionContext } from "../selection";
import type { ValueKnobs } from "../values";
import type { GenContext } from "./context";
import { explicitNull, oneHostileValue } from "./focused";

/** Careless but plausible: real field names, some wrong types, explicit nulls, page sizes past the bounds. */
const CARELESS: ValueKnobs = { hostile: 0.1, wrongType: 0.06, nulls: 0.2, optional: 0.5 };

/** Every scalar is a hostile string, id or number when it can be: NUL, lone surrogates, 100k chars, tsquery syntax… */
const HOSTILE: ValueKnobs = { hostile: 0.85, wrongType: 0.02, nulls: 0.05, optional: 0.7 };

/** Whether a type takes text somewhere (a String or ID argument, or an input object with one). */
function takesText(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return ["String", "ID", "JSON", "Date", "DateTime"].includes(named.name);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => takesText(f.type, seen));
}

/** One to three root fields with random nested selections, as a query or (`kind: mutation`) a mutation. */
export function randomOperation(ctx: GenContext, options: { category: Category; knobs: ValueKnobs; kind: "query" | "mutation"; textOnly?: boolean }): Draft {
  const { rnd, target } = ctx;
  const schema = target.schema;
  const type = options.kind === "query" ? schema.getQueryType() : schema.getMutationType();
  let fields = rootFields(type);
  if (options.textOnly) {
    const withText = fields.filter((f) => f.args.some((a) => takesText(a.type)));
    if (withText.length) fields = withText;
  }
  const builder = new OperationBuilder(rnd, rnd.pick([0, 0.5, 1]), options.knobs.wrongType);
  const selection: SelectionContext = { schema, rnd, builder, knobs: options.knobs, maxDepth: rnd.int(1, 4), width: 4 };
  // One mutation per request keeps each write's outcome attributable; queries combine fields as pages do.
  const chosen = rnd.sample(fields, options.kind === "mutation" ? 1 : rnd.int(1, 3));
  const text = chosen.map((f) => fieldSelection(f, selection, 0)).join(" ");
  const query = builder.document(options.kind, text, rnd.chance(0.3) ? "Fuzz" : undefined);
  const label = `${options.kind} ${chosen.map((f) => f.name).join(", ")}`;
  return { ...jsonPost(options.category, label, builder.hasVariables() ? { query, variables: builder.variables } : { query }), writes: options.kind === "mutation" };
}

/** Plausible queries, careless here and there; a quarter of them with one explicit null (`meetings(filter: null)`). */
export const validLookingQuery = (ctx: GenContext) =>
  (ctx.rnd.chance(0.25) && explicitNull(ctx)) || randomOperation(ctx, { category: "query", knobs: CARELESS, kind: "query" });

/**
 * Hostile strings in arguments, variables and input fields, of queries and (a third of the time) mutations: most
 * often one at a time (so it goes as deep as it can), otherwise everywhere at once.
 */
export const hostileStrings = (ctx: GenContext) =>
  (ctx.rnd.chance(0.6) && oneHostileValue(ctx)) ||
  randomOperation(ctx, { category: "strings", knobs: HOSTILE, kind: ctx.rnd.chance(0.33) && ctx.target.schema.getMutationType() ? "mutation" : "query", textOnly: true });

/** Writes with random inputs, mostly well-typed so they pass validation and reach policies and use cases. */
export const randomMutation = (ctx: GenContext) =>
  randomOperation(ctx, { category: "mutation", knobs: { hostile: 0.15, wrongType: 0.04, nulls: 0.1, optional: 0.6 }, kind: "mutation" });
