import { meetings } from "@contagem/meetings";
import { adminToken, codesOf, freePort, gql, startSubgraph, type RunningSubgraph } from "@contagem/testkit";

/**
 * A peer subgraph that cannot be reached is a dependency down, not a bug of ours: the write that needed its facts is
 * SERVICE_UNAVAILABLE (HTTP 503 when the whole request failed), to retry later, and nothing is written.
 */
let subgraph: RunningSubgraph;
beforeAll(async () => {
  // A port that was free a moment ago and that nothing listens on: the connection is refused.
  const closed = await freePort();
  // No seed: the record's meetings need the councils peer to name their councils.
  subgraph = await startSubgraph(meetings, { seed: false, peers: { councils: `http://127.0.0.1:${closed}/graphql` } });
}, 120_000);
afterAll(() => subgraph?.stop());

it("a write that asks an unreachable peer for facts is SERVICE_UNAVAILABLE, and writes nothing", async () => {
  const res = await gql(subgraph.url, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } } }`, {
    i: { councilId: "1", type: "ORDINARY", modality: "IN_PERSON", place: "Sala 1", startsAt: "2030-03-10T19:00:00Z", agenda: [{ kind: "INFORMATIVE", title: "Informes" }] },
  }, { token: await adminToken() });
  expect({ codes: codesOf(res), message: res.errors?.[0]?.message }).toEqual({
    codes: ["SERVICE_UNAVAILABLE"],
    message: "A service this request needs is unavailable; retry later.",
  });
  const count = await gql(subgraph.url, `{ meetings { totalCount } }`);
  expect(count.data).toEqual({ meetings: { totalCount: 0 } });
});
