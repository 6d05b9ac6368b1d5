import { earlierFacts as facts } from "@contagem/record";
import { gql, startSubgraph, type RunningSubgraph } from "@contagem/testkit";
import { participation } from "../definition";
import { seedParticipation } from "./seed";

let subgraph: RunningSubgraph;
beforeAll(async () => {
  subgraph = await startSubgraph(participation);
});
afterAll(() => subgraph.stop());

describe("default participation seed", () => {
  it("holds the 2022 OGP Local prioritisation vote: five commitments, pick three, no invented counts", async () => {
    const res = await gql(subgraph.url, `{ processes(filter: { kind: PRIORITISATION_VOTE }) { totalCount edges { node { title status maxChoices minimumAge
      phases { kind startsAt endsAt } results { ballots options { votes option { title author { displayName } } } } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.processes.totalCount).toBe(1);
    const vote = res.data.processes.edges[0].node;
    expect(vote).toMatchObject({ status: "CLOSED", maxChoices: 3, minimumAge: 16 });
    expect(vote.phases).toEqual([{ kind: "VOTING", startsAt: "2022-10-17T03:00:00.000Z", endsAt: null }]);
    expect(vote.results.ballots).toBe(0);
    expect(vote.results.options.map((o: any) => o.option.title)).toEqual(facts.ogpLocal.commitments);
    expect(vote.results.options.every((o: any) => o.votes === 0 && o.option.author === null)).toBe(true);
  });

  it("is idempotent", async () => {
    expect(await seedParticipation(subgraph.orm.em.fork())).toEqual({ processes: 0 });
  });
});
