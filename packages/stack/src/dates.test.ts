import { gql, introspect, reachableTypes, scalarProbes, startSystem, type GraphQLResponse, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * Dates and instants the graph cannot keep — year 0000, five-digit years, an instant that is year 0001 in UTC and
 * still year 0 in Contagem, one that is 9999 in Contagem and 10000 in UTC — are the client's mistake wherever a Date
 * or DateTime enters: every such place of the supergraph's arguments (inputs at any depth), read from its schema,
 * written as a variable and as a literal, answers BAD_USER_INPUT through the gateway. No token: nothing may run.
 */
let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"));
}, 180_000);
afterAll(() => system?.stop());

const EDGES: Record<string, string[]> = {
  Date: ["0000-12-31", "10000-01-01", "+010000-01-01"],
  DateTime: ["0000-01-01T00:00:00Z", "+010000-01-01T00:00:00Z", "0001-01-01T01:00:00Z", "9999-12-31T23:59:59-03:00"],
};

const OPTIONS = { values: { slug: ["compur"], code: ["SEDE"] } };
const refusal = (res: GraphQLResponse) => ({ codes: [...new Set(res.errors?.map((e) => e.extensions?.code))], data: res.data ?? null });

it("every Date and DateTime place of every argument of the supergraph refuses years outside 0001–9999", async () => {
  const schema = await introspect(system.gatewayUrl);
  const reach = reachableTypes(schema, OPTIONS);
  const wrong: unknown[] = [];
  const probed = new Set<string>();
  for (const scalar of Object.keys(EDGES)) {
    for (const probe of scalarProbes(schema, reach, [scalar], OPTIONS)) {
      probed.add(`${probe.coordinate} ${probe.field}`);
      for (const value of EDGES[scalar]) {
        for (const [form, res] of [
          ["variable", await gql(system.gatewayUrl, probe.query, probe.variables(value))],
          ["literal", await gql(system.gatewayUrl, probe.literal(value))],
        ] as const) {
          const got = refusal(res);
          const refused = got.codes.length === 1 && got.codes[0] === "BAD_USER_INPUT" && res.errors!.some((e) => e.message.includes(value.replace(/^\+/, "")));
          if (!refused) wrong.push({ place: `${probe.coordinate} ${probe.field}`, value, form, got, errors: res.errors?.map((e) => e.message) });
        }
      }
    }
  }
  expect(wrong).toEqual([]);
  // The generator found the places there are: filters, nested arguments and mutation inputs.
  expect([...probed]).toEqual(expect.arrayContaining([
    "Query.meetings(filter:) filter.from",
    "Council.termAt(date:) (nested) date",
    "Council.participation(filter:) (nested) filter.to",
    "Mutation.registerParticipant(input:) input.birthDate",
    "Mutation.createProcess(input:) input.phases[0].startsAt",
  ]));
  expect(probed.size).toBeGreaterThan(10);
}, 600_000);

it("keeps the last years it admits: 0001-01-01 in Contagem and 9999-12-31", async () => {
  const query = `query($f: MeetingFilter, $d: Date!) { meetings(filter: $f) { totalCount } council(slug: "compur") { termAt(date: $d) { id } } }`;
  for (const [from, date] of [["0001-01-01T03:06:28Z", "0001-01-01"], ["9999-12-31T23:59:59Z", "9999-12-31"]]) {
    const res = await gql(system.gatewayUrl, query, { f: { from, to: from }, d: date });
    expect({ from, errors: res.errors }).toEqual({ from, errors: undefined });
  }
});
