import { getNamedType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { gql, type GraphQLResponse } from "./client";
import { MAX_PAGE } from "@contagem/schema";
import { introspect, literal, type CrawlOptions } from "./crawler";
import { PAGE_ARGS, PAGE_VARIABLES, walkBothWays, type PageVariables } from "./page-walk";

/**
 * Every connection of a subgraph, found in its schema (a field whose type ends in `Connection` and that takes
 * `after`), reached from the root: root fields directly, fields of entity types through `_entities`. Hostile cursors
 * are sent to each on `after` and on `before`, a real cursor of page 1 must open page 2, and the whole list paged
 * forward must be the whole list paged backward. A connection added tomorrow is probed tomorrow.
 */
export interface ConnectionProbe {
  /** e.g. `Query.councils`, `Council.terms`. */
  path: string;
  connection: string;
  /** The entity type the connection hangs on, reached by `_entities`; null for root fields. */
  parent: string | null;
  query: string;
  pick: (data: any) => Page | null | undefined;
}

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: unknown }[];
}

export interface CursorReport {
  probes: string[];
  /** Connections where page 2 was opened with page 1's cursor (lists with two items or more). */
  paged: string[];
  /** Connections whose real cursors were also tampered with value by value, keeping their list's name. */
  tampered: string[];
  /** Connections paged whole forward (`first`/`after`) and backward (`last`/`before`), to the same items. */
  walked: string[];
  failures: string[];
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Cursors no connection may take, whatever its keys: they must all answer BAD_USER_INPUT on the argument given. */
export const HOSTILE_CURSORS: Record<string, string> = {
  'string where a number is due: ["abc"]': b64(["abc"]),
  "number beyond any column: [1e21]": b64([1e21]),
  'ORM operator: [{"$ne":null},0]': b64([{ $ne: null }, 0]),
  "empty array": b64([]),
  "[null]": b64([null]),
  "object": b64({}),
  'bare string "x"': b64("x"),
  "not base64": "%%% not a cursor %%%",
  "10k characters": "A".repeat(10_000),
  "wrong arity, untagged": b64([1, 2, 3, 4, 5, 6]),
};

/** Values of the wrong type for a cursor value like `real`, and a few that are wrong for every key. */
function wrongFor(real: unknown, last: boolean): unknown[] {
  const everywhere = [{ $ne: null }, null, true, [], { $gt: 0 }];
  if (typeof real === "number") return [...everywhere, "abc", String(real), 1e21, 1.5, 2 ** 53, ...(last ? [0, -1] : [])];
  if (typeof real === "string" && !Number.isNaN(Date.parse(real))) {
    // Year 0000, in UTC or only in civil time (São Paulo's 0001-01-01T01:00Z is still 31 December of year 0).
    return [...everywhere, "2026-02-30T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "0001-01-01T01:00:00.000Z", real.slice(0, 10), "abc", 1e21];
  }
  return [...everywhere, 1e21, 42, "a\u0000b", "x".repeat(5000), "\ud800"];
}

/** The same list's cursor, tampered with: each value swapped for a wrong one, a value too many or too few. */
function tampered(real: string): Record<string, string> {
  const [list, ...values] = JSON.parse(Buffer.from(real, "base64url").toString("utf8")) as unknown[];
  const out: Record<string, string> = {
    "one value too many": b64([list, ...values, 1]),
    "one value too few": b64([list, ...values.slice(0, -1)]),
  };
  values.forEach((value, i) => {
    for (const wrong of wrongFor(value, i === values.length - 1)) {
      const copy = [...values];
      copy[i] = wrong;
      out[`value ${i} = ${JSON.stringify(wrong).slice(0, 30)}`] = b64([list, ...copy]);
    }
  });
  return out;
}

const entityTypes = (sdl: string) =>
  new Set([...sdl.matchAll(/type (\w+)[^{]*@key\(fields: "id"(?!, resolvable: false)/g)].map((m) => m[1]));

function selectionOf(connection: GraphQLObjectType): string {
  const edge = getNamedType(connection.getFields().edges.type) as GraphQLObjectType;
  const node = getNamedType(edge.getFields().node.type) as GraphQLObjectType;
  const identity = node.getFields().id ? "id" : "__typename";
  return `{ totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${identity} } } }`;
}

function argumentsOf(field: GraphQLField<unknown, unknown>, options: CrawlOptions): string {
  const parts = PAGE_ARGS.map((name) => `${name}: $${name}`);
  for (const arg of field.args) {
    if ((PAGE_ARGS as readonly string[]).includes(arg.name)) continue;
    const required = arg.type.toString().endsWith("!") && arg.defaultValue === undefined;
    if (!required && !options.values?.[arg.name]) continue;
    const value = literal(arg.type, arg.name, options);
    if (value === undefined) throw new Error(`No value for ${field.name}(${arg.name}): give one in options.values.`);
    parts.push(`${arg.name}: ${value}`);
  }
  return parts.join(", ");
}

export function connectionProbes(schema: GraphQLSchema, sdl: string, options: CrawlOptions = {}): ConnectionProbe[] {
  const entities = entityTypes(sdl);
  const probes: ConnectionProbe[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!named.name.endsWith("Connection") || !isObjectType(named) || !field.args.some((a) => a.name === "after")) continue;
      const call = `${field.name}(${argumentsOf(field, options)}) ${selectionOf(named)}`;
      const path = `${type.name}.${field.name}`;
      if (type === schema.getQueryType()) {
        probes.push({ path, connection: named.name, parent: null, query: `query(${PAGE_VARIABLES}) { ${call} }`, pick: (d) => d?.[field.name] });
      } else if (entities.has(type.name)) {
        probes.push({
          path,
          connection: named.name,
          parent: type.name,
          query: `query(${PAGE_VARIABLES}, $r: [_Any!]!) { _entities(representations: $r) { ... on ${type.name} { ${call} } } }`,
          pick: (d) => d?._entities?.[0]?.[field.name],
        });
      } else {
        throw new Error(`${path} is a connection on ${type.name}, which is neither the root nor an entity: teach the probe its path.`);
      }
    }
  }
  return probes;
}

/**
 * Probes every connection of the subgraph at `url` as `token`'s viewer (one who may read every list). `parents`
 * names the record each entity's connections are probed on; by default the first one of the root list of its type.
 */
export async function probeCursors(
  url: string,
  options: CrawlOptions & { token?: string; parents?: Record<string, string> } = {},
): Promise<CursorReport> {
  const sdl = (await gql(url, "{ _service { sdl } }")).data._service.sdl as string;
  const probes = connectionProbes(await introspect(url), sdl, options);
  const report: CursorReport = { probes: probes.map((p) => p.path), paged: [], tampered: [], walked: [], failures: [] };
  const run = async (probe: ConnectionProbe, first: number | PageVariables, after?: string) => {
    const r = probe.parent ? [{ __typename: probe.parent, id: await parentOf(probe.parent) }] : undefined;
    const page = typeof first === "number" ? { first, after } : first;
    return gql(url, probe.query, { ...page, r }, { token: options.token });
  };
  const parents = new Map<string, Promise<string>>();
  const parentOf = (type: string) => {
    if (!parents.has(type)) parents.set(type, firstIdOf(type));
    return parents.get(type)!;
  };
  const firstIdOf = async (type: string) => {
    if (options.parents?.[type]) return options.parents[type];
    const list = probes.find((p) => !p.parent && p.connection === `${type}Connection`);
    const page = list ? list.pick((await run(list, 1)).data) : null;
    return (page?.edges[0]?.node as { id?: string } | undefined)?.id ?? "1";
  };

  const refused = (res: GraphQLResponse, field: string, label: string) => {
    const error = res.errors?.[0];
    if (res.errors?.length !== 1 || error?.extensions?.code !== "BAD_USER_INPUT" || error.extensions.field !== field) {
      report.failures.push(`${label}: ${outcome(res)}, not BAD_USER_INPUT on ${field}`);
    }
  };

  const firstPages = new Map<ConnectionProbe, Page>();
  for (const probe of probes) {
    const res = await run(probe, 2);
    const page = probe.pick(res.data);
    if (res.errors || !page) report.failures.push(`${probe.path}: the first page failed (${outcome(res)})`);
    else firstPages.set(probe, page);
  }
  for (const probe of probes) {
    const page = firstPages.get(probe);
    const real = page?.edges[0]?.cursor;
    const foreign = [...firstPages].find(([other, p]) => other.connection !== probe.connection && p.edges.length)?.[1].edges[0].cursor;
    const hostile = { ...HOSTILE_CURSORS, ...(foreign ? { "a real cursor of another connection type": foreign } : {}), ...(real ? tampered(real) : {}) };
    if (real) report.tampered.push(probe.path);
    for (const [label, cursor] of Object.entries(hostile)) {
      for (const [field, page] of [["after", { first: 2, after: cursor }], ["before", { last: 2, before: cursor }]] as const) {
        refused(await run(probe, page), field, `${probe.path} with ${label} as ${field}`);
      }
    }
    // Arguments no list takes: both directions at once, sizes beyond the limits.
    for (const [field, page] of [["last", { first: 2, last: 2 }], ["last", { last: 0 }], ["last", { last: MAX_PAGE + 1 }], ["first", { first: MAX_PAGE + 1 }]] as const) {
      refused(await run(probe, page), field, `${probe.path} with ${JSON.stringify(page)}`);
    }
    if (page && page.edges.length >= 2) {
      const one = probe.pick((await run(probe, 1)).data);
      const next = await run(probe, 1, one?.pageInfo.endCursor ?? undefined);
      const two = probe.pick(next.data);
      const same = JSON.stringify(two?.edges) === JSON.stringify([page.edges[1]]) && two?.pageInfo.hasPreviousPage === true;
      if (next.errors || !same) report.failures.push(`${probe.path}: page 2 by page 1's cursor was ${JSON.stringify(next.errors ?? two?.edges)}`);
      else report.paged.push(probe.path);
      const walk = await walkBothWays((page) => run(probe, page).then((res) => (res.errors ? null : probe.pick(res.data) ?? null)), page.totalCount);
      if (walk.length) report.failures.push(...walk.map((f) => `${probe.path}: ${f}`));
      else report.walked.push(probe.path);
    }
  }
  return report;
}

const outcome = (res: GraphQLResponse) =>
  res.errors ? res.errors.map((e) => `${e.extensions?.code}${e.extensions?.field ? ` on ${e.extensions.field}` : ""}`).join(", ") : "accepted";
