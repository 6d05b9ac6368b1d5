import { getIntrospectionQuery, getNamedType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { OperationBuilder } from "../operation";
import { jsonPost, type Draft } from "../request";
import { fieldSelection, rootFields, selectionOf, type SelectionContext } from "../selection";
import { createRandom } from "../random";
import { generateValue } from "../values";
import type { GenContext } from "./context";

type AnyField = GraphQLField<unknown, unknown>;

/**
 * Far beyond the public limits (depth 12, aliases 30, tokens 3000): a query this big must be refused wherever it
 * is sent, a subgraph's own port included. Only that far, so a subgraph may keep some headroom over the gateway's
 * limits for the queries the gateway itself plans.
 */
const FAR = { depth: 25, aliases: 200, tokens: 20_000 };

const PLAIN = { hostile: 0, wrongType: 0, nulls: 0, optional: 0.3 };
const EXACT = { hostile: 0, wrongType: 0, nulls: 0, optional: 0 };

function context(ctx: GenContext, maxDepth: number): SelectionContext {
  return { schema: ctx.target.schema, rnd: ctx.rnd, builder: new OperationBuilder(ctx.rnd, 0), knobs: PLAIN, maxDepth, width: 2 };
}

const composite = (t: GraphQLObjectType) =>
  (Object.values(t.getFields()) as AnyField[]).filter((f) => !f.name.startsWith("_") && isObjectType(getNamedType(f.type)));

const endlessMemo = new WeakMap<GraphQLSchema, Set<string>>();

/** Object types from which a selection can nest without end: those with a field into another such type. */
function endless(schema: GraphQLSchema): Set<string> {
  const known = endlessMemo.get(schema);
  if (known) return known;
  const types = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith("__"));
  const set = new Set(types.map((t) => t.name));
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of types) {
      if (set.has(t.name) && !composite(t).some((f) => set.has(getNamedType(f.type).name))) {
        set.delete(t.name);
        changed = true;
      }
    }
  }
  endlessMemo.set(schema, set);
  return set;
}

/** Object fields all the way down, past the public depth limit of 12 (cycles make it possible: Council → meetings → … → council). */
function deep(ctx: GenContext): Draft {
  const { rnd, target } = ctx;
  const levels = rnd.pick([13, 16, 25, 40]);
  const sel = context(ctx, 0);
  let type = target.schema.getQueryType() as GraphQLObjectType;
  const heads: string[] = [];
  const onward = endless(target.schema);
  const plausible = createRandom(levels);
  for (let i = 0; i < levels; i++) {
    const fields = composite(type);
    if (!fields.length) break;
    // Down the fields that can go on for ever (cycles), rather than into a dead end.
    const cyclic = fields.filter((f) => onward.has(getNamedType(f.type).name));
    const field = rnd.pick(cyclic.length ? cyclic : fields);
    const args = field.args.filter((a) => a.type.toString().endsWith("!") || a.name === "first" || a.name === "slug");
    const parts = args.map((a) => sel.builder.arg(a.name, a.type, a.name === "first" ? 100 : generateValue(a.type, plausible, EXACT, a.name)));
    heads.push(`${field.name}${parts.length ? `(${parts.join(", ")})` : ""}`);
    type = getNamedType(field.type) as GraphQLObjectType;
  }
  const query = `{ ${heads.map((h) => `${h} {`).join(" ")} __typename ${"}".repeat(heads.length)} }`;
  return { ...jsonPost("shape", `${heads.length} levels deep`, { query }), exceeds: heads.length >= FAR.depth ? `depth ${heads.length + 1} (limit 12)` : undefined };
}

/** The same root field under many aliases (public limit: 30). */
function aliases(ctx: GenContext): Draft {
  const { rnd, target } = ctx;
  const count = rnd.pick([31, 200, 200, 1000]);
  const field = rnd.pick(rootFields(target.schema.getQueryType()));
  const sel = context(ctx, 1);
  const one = fieldSelection(field, sel, 0);
  const query = `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${one}`).join(" ")} }`;
  return { ...jsonPost("shape", `${count} aliases of ${field.name}`, { query }), exceeds: count >= FAR.aliases ? `${count} aliases (limit 30)` : undefined };
}

const tokens = (ctx: GenContext): Draft => {
  const count = ctx.rnd.pick([3001, 20_000, 100_000]);
  return { ...jsonPost("shape", `${count} tokens`, { query: `{ ${"__typename ".repeat(count)}}` }), exceeds: count >= FAR.tokens ? `${count} tokens (limit 3000)` : undefined };
};

const FRAGMENTS: readonly [string, string][] = [
  ["fragment cycle", "query { ...A } fragment A on Query { __typename ...B } fragment B on Query { ...A }"],
  ["fragment self-cycle", "{ ...A } fragment A on Query { ...A }"],
  ["unknown fragment", "{ ...Nope }"],
  ["fragment on unknown type", "{ ...A } fragment A on Nope { __typename }"],
  ["fragment on a scalar", "{ ...A } fragment A on String { __typename }"],
  ["fragment unused", "{ __typename } fragment A on Query { __typename }"],
  ["fragment duplicated", "{ ...A } fragment A on Query { __typename } fragment A on Query { __typename }"],
  ["inline fragment on unknown type", "{ ... on Nope { __typename } }"],
];

function fragments(ctx: GenContext): Draft {
  const [label, query] = ctx.rnd.pick(FRAGMENTS);
  return jsonPost("shape", label, { query });
}

function directives(ctx: GenContext): Draft {
  const { rnd } = ctx;
  const n = rnd.pick([2, 51, 500]);
  const variants: [string, string][] = [
    [`${n} repeated @skip`, `{ __typename ${"@skip(if: false) ".repeat(n)}}`],
    [`${n} repeated @include`, `{ __typename ${"@include(if: true) ".repeat(n)}}`],
    ["unknown directive", "{ __typename @nope }"],
    ["directive with a wrong argument type", '{ __typename @include(if: "yes") }'],
    ["directive without its argument", "{ __typename @skip }"],
    ["directive on the operation", "query @skip(if: true) { __typename }"],
    ["@deprecated on a field", "{ __typename @deprecated }"],
    ["@defer", "{ ... @defer { __typename } }"],
    ["@stream", "{ __typename @stream(initialCount: 1) }"],
  ];
  const [label, query] = rnd.pick(variants);
  return jsonPost("shape", label, { query });
}

function introspection(ctx: GenContext): Draft {
  const { rnd } = ctx;
  let deepType = "name";
  for (let i = 0; i < rnd.pick([8, 20]); i++) deepType = `name ofType { ${deepType} }`;
  let deepFields = "name";
  for (let i = 0; i < rnd.pick([6, 14]); i++) deepFields = `name fields { type { ${deepFields} } }`;
  const variants: [string, string][] = [
    ["full introspection", getIntrospectionQuery({ descriptions: true, directiveIsRepeatable: true, specifiedByUrl: true })],
    ["introspection of a type", '{ __type(name: "Council") { name fields { name args { name type { name } } type { name kind } } } }'],
    ["introspection of an unknown type", '{ __type(name: "\\u0000") { name } }'],
    ["deep ofType introspection", `{ __schema { types { ${deepType} } } }`],
    ["deep fields introspection", `{ __schema { queryType { ${deepFields} } } }`],
    ["introspection under aliases", `{ ${Array.from({ length: 50 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(" ")} }`],
  ];
  const [label, query] = rnd.pick(variants);
  return jsonPost("shape", label, { query });
}

function documents(ctx: GenContext): Draft {
  const { rnd, target } = ctx;
  const nest = (n: number, open: string, close: string) => `${open.repeat(n)}1${close.repeat(n)}`;
  const field = rnd.pick(rootFields(target.schema.getQueryType()));
  const variants: [string, unknown][] = [
    ["two operations, no operationName", { query: "query A { __typename } query B { __typename }" }],
    ["anonymous and named operations", { query: "{ __typename } query B { __typename }" }],
    ["duplicate operation names", { query: "query A { __typename } query A { __typename }", operationName: "A" }],
    ["subscription", { query: "subscription { __typename }" }],
    ["undeclared variable", { query: "{ council(slug: $x) { id } }", variables: { x: "compur" } }],
    ["unused variable", { query: "query($x: String) { __typename }", variables: { x: "compur" } }],
    ["variable default of the wrong type", { query: 'query($f: Int = "x") { councils(first: $f) { totalCount } }' }],
    ["variable of an unknown type", { query: "query($f: Nope) { __typename }", variables: { f: 1 } }],
    ["variable of an output type", { query: "query($f: Council) { __typename }", variables: { f: {} } }],
    ["conflicting fields", '{ council(slug: "compur") { id } council(slug: "cmsc") { id } }'],
    ["empty selection", { query: "{ }" }],
    ["deeply nested list literal", { query: `{ ${field.name}(${field.args[0]?.name ?? "x"}: ${nest(rnd.pick([100, 5000, 20_000]), "[", "]")}) { __typename } }` }],
    ["deeply nested object literal", { query: `{ ${field.name}(${field.args[0]?.name ?? "x"}: ${nest(rnd.pick([100, 5000]), "{a: ", "}")}) { __typename } }` }],
    ["huge list literal", { query: `{ ${field.name}(${field.args[0]?.name ?? "x"}: [${"1, ".repeat(rnd.pick([1000, 50_000]))}1]) { __typename } }` }],
    ["field on a leaf", "{ __typename { x } }"],
    ["leaf without selection", `{ ${field.name} }`],
    ["very long name", { query: `{ ${"a".repeat(rnd.pick([1000, 200_000]))} }` }],
  ];
  const [label, payload] = rnd.pick(variants);
  return jsonPost("shape", label, typeof payload === "string" ? { query: payload } : payload);
}

/** Wide and deep random selections: many fields per level, a few levels down. */
function wide(ctx: GenContext): Draft {
  const sel: SelectionContext = { ...context(ctx, ctx.rnd.int(2, 5)), width: 12 };
  const query = `{ ${selectionOf(ctx.target.schema.getQueryType() as GraphQLObjectType, sel, 0)} }`;
  return jsonPost("shape", "wide random selection", { query });
}

/** Abusive shapes: depth, aliases, tokens, fragments, directives, introspection, odd documents. */
export function shapeAbuse(ctx: GenContext): Draft {
  return ctx.rnd.weighted([
    [3, deep],
    [3, aliases],
    [1, tokens],
    [2, fragments],
    [2, directives],
    [2, introspection],
    [3, documents],
    [2, wide],
  ] as const)(ctx);
}
