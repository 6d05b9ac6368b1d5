import { getNamedType, isInputObjectType, type GraphQLInputType, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { DATE_EDGES, INSTANT_EDGES } from "../corpus";
import { pathsToTypes } from "../paths";
import type { Draft } from "../request";
import { rootFields } from "../selection";
import type { GenContext } from "./context";
import { build, scalarPaths, type Site } from "./focused";
import { validLookingQuery } from "./queries";

const DATE_SCALARS = new Set(["Date", "DateTime"]);

/** The scalar at `path` inside an input of `type`. */
function scalarAt(type: GraphQLInputType, path: string[]): string {
  const named = getNamedType(type);
  if (!path.length || !isInputObjectType(named)) return named.name;
  return scalarAt(named.getFields()[path[0]].type, path.slice(1));
}

const memo = new WeakMap<GraphQLSchema, Site[]>();

/**
 * Every Date and DateTime input of a schema: arguments and input fields of root fields, of fields on any type a
 * query reaches (`council(slug:) { termAt(date:) }`), and of mutations. Picking a site uniformly reaches each.
 */
export function dateSites(schema: GraphQLSchema): Site[] {
  const known = memo.get(schema);
  if (known) return known;
  const sites: Site[] = [];
  const add = (field: Site["field"], kind: Site["kind"], wrap?: Site["wrap"]) => {
    if (field.name.startsWith("_")) return;
    for (const arg of field.args) for (const path of scalarPaths(arg.type, DATE_SCALARS)) sites.push({ field, kind, arg, path, wrap });
  };
  const query = schema.getQueryType();
  for (const [owner, wrap] of pathsToTypes(schema)) {
    const type = schema.getType(owner) as GraphQLObjectType;
    for (const field of Object.values(type.getFields())) add(field, "query", type === query ? undefined : wrap);
  }
  for (const field of rootFields(schema.getMutationType())) add(field, "mutation");
  memo.set(schema, sites);
  return sites;
}

/** One Date or DateTime argument, variable or input field at an edge value; everything else plausible. */
export function dateEdges(ctx: GenContext): Draft {
  const sites = dateSites(ctx.target.schema);
  if (!sites.length) return validLookingQuery(ctx);
  const site = ctx.rnd.pick(sites);
  const scalar = scalarAt(site.arg.type, site.path);
  const value = ctx.rnd.pick(scalar === "Date" ? DATE_EDGES : INSTANT_EDGES);
  return build(ctx, site, value, `${scalar} ${JSON.stringify(value)}`, "dates");
}
