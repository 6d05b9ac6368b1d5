import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { participation } from "@contagem/participation";
import { adminToken, gql, startSystem, type RunningSystem } from "@contagem/testkit";
import { buildSchema, getNamedType, isInputObjectType, isObjectType, type GraphQLField, type GraphQLObjectType } from "graphql";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * A mirror (the Transparency Portal) stays exact by polling each list for what changed since its last run: every
 * root list of records that carry `updatedAt` takes `updatedSince`, as an argument or in its `filter`. Generated from
 * the published schema, so a new list without it fails here; then each is asked, and means what it says.
 */
const ROOT = join(__dirname, "../../..");

/** Root lists that are not records a mirror copies, each with the reason. */
const NOT_SYNCED: Record<string, string> = {
  auditTrail: "the audit log is read by ADMIN, newest first, and never changes",
  searchMinutes: "search hits ranked by relevance, not records",
  searchResolutions: "search hits ranked by relevance, not records",
  searchProposals: "search hits ranked by relevance, not records",
  participants: "personal data, read by STAFF with a purpose, never mirrored",
  contributionsForModeration: "STAFF's work queue, not a public list",
};

const nodeOf = (field: GraphQLField<unknown, unknown>): GraphQLObjectType | null => {
  const connection = getNamedType(field.type);
  if (!isObjectType(connection) || !connection.name.endsWith("Connection")) return null;
  const edges = connection.getFields().edges;
  const edge = edges && getNamedType(edges.type);
  const node = isObjectType(edge) ? edge.getFields().node : undefined;
  const type = node && getNamedType(node.type);
  return isObjectType(type) ? type : null;
};

/** Where a field takes `updatedSince`: "arg", "filter", or null. */
function sinceOf(field: GraphQLField<unknown, unknown>): "arg" | "filter" | null {
  if (field.args.some((arg) => arg.name === "updatedSince")) return "arg";
  const filter = field.args.find((arg) => arg.name === "filter");
  const input = filter && getNamedType(filter.type);
  return isInputObjectType(input) && input.getFields().updatedSince ? "filter" : null;
}

let lists: { name: string; since: "arg" | "filter" | null }[];
beforeAll(async () => {
  const schema = buildSchema(await readFile(join(ROOT, "schema/public.graphql"), "utf8"));
  lists = Object.values(schema.getQueryType()!.getFields())
    .filter((field) => nodeOf(field)?.getFields().updatedAt)
    .map((field) => ({ name: field.name, since: sinceOf(field) }));
});

describe("updatedSince on every list a sync client needs", () => {
  it("is taken by every root list of records with updatedAt, but the listed exceptions", () => {
    expect(lists.length).toBeGreaterThanOrEqual(8);
    const missing = lists.filter((list) => !list.since && !NOT_SYNCED[list.name]).map((list) => list.name);
    expect(missing).toEqual([]);
  });

  describe("asked", () => {
    let system: RunningSystem;
    beforeAll(async () => {
      system = await startSystem([councils, meetings, participation], await readFile(join(ROOT, "gateway/supergraph.graphql"), "utf8"));
    }, 120_000);
    afterAll(() => system.stop());

    it("gives nothing changed after now, and everything changed since 1970", async () => {
      const token = await adminToken();
      const count = async (name: string, since: "arg" | "filter" | null, at?: string) => {
        const args = !at ? "" : since === "arg" ? `(updatedSince: "${at}")` : `(filter: { updatedSince: "${at}" })`;
        const res = await gql(system.gatewayUrl, `{ list: ${name}${args} { totalCount } }`, {}, { token });
        if (res.errors) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
        return (res.data as { list: { totalCount: number } }).list.totalCount;
      };
      for (const { name, since } of lists.filter((list) => list.since)) {
        const all = await count(name, since);
        expect({ name, future: await count(name, since, new Date(Date.now() + 86_400_000).toISOString()) }).toEqual({ name, future: 0 });
        expect({ name, past: await count(name, since, "1970-01-01T00:00:00Z") }).toEqual({ name, past: all });
      }
    });
  });
});
