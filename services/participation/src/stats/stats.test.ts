import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { civilToday, startOfCivilDay } from "@contagem/schema";
import { startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { participation } from "../definition";
import { call, citizen, openVote } from "../participation.fixtures";
import { personKeySql } from "./disclosure";

/** Figures small enough to single someone out are never published. */
let system: RunningSystem;
let regions: Record<string, string>;
beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"));
  const { territories } = await call(system.gatewayUrl, `{ territories(first: 20) { edges { node { id code } } } }`, {});
  regions = Object.fromEntries(territories.edges.map((e: any) => [e.node.code, e.node.id]));
  const vote = await openVote(system.gatewayUrl);
  // 7 voters from Eldorado, 2 from Riacho.
  const voters = [...Array(7).fill("ELDORADO"), "RIACHO", "RIACHO"];
  for (const [i, region] of voters.entries()) {
    const token = await citizen(system.gatewayUrl, `stats-voter-${i}`, { fullName: `Votante Estatística ${i}`, email: `stats${i}@example.org`, birthDate: "1980-03-03", territoryId: regions[region] });
    await call(system.gatewayUrl, `mutation($i: CastBallotInput!) { castBallot(input: $i) { castAtHour } }`, { i: { processId: vote.processId, proposalIds: [vote.optionIds[i % 5]] } }, token);
  }
}, 60_000);
afterAll(() => system.stop());

const ROW = "territory { code } channel month participants activities suppressed";
const rounded = (figure: any, truth: number) => {
  expect(figure.participants % 5).toBe(0);
  expect(Math.abs(figure.participants - truth)).toBeLessThanOrEqual(4);
  expect(figure.activities).toBeGreaterThanOrEqual(figure.participants);
  expect(figure.suppressed).toBe(false);
};

describe("participation figures", () => {
  it("publish every count rounded to a multiple of 5, and never a small group's count", async () => {
    const { participationStats } = await call(system.gatewayUrl, `{ participationStats(groupBy: [TERRITORY]) { ${ROW} } }`, {});
    const byRegion = Object.fromEntries(participationStats.map((f: any) => [f.territory.code, f]));
    rounded(byRegion.ELDORADO, 7);
    expect([5, 10]).toContain(byRegion.ELDORADO.participants);
    // 2 people: rounded to 0 (left out, as an empty group is) or to 5; never 2, never shown as "small".
    if (byRegion.RIACHO) rounded(byRegion.RIACHO, 2);
    expect(byRegion.RIACHO?.participants ?? 0).not.toBe(2);
    expect(byRegion.SEDE).toBeUndefined();
  });

  it("give the same figures through a territory of the councils subgraph as participationStats with its filter", async () => {
    const res = await call(system.gatewayUrl, `{ territories(first: 20) { edges { node { id code participation(groupBy: [CHANNEL, MONTH]) { ${ROW} } } } } }`, {});
    for (const { node } of res.territories.edges.filter((e: any) => ["ELDORADO", "RIACHO", "SEDE"].includes(e.node.code))) {
      const direct = await call(system.gatewayUrl, `query($t: ID!) { participationStats(groupBy: [CHANNEL, MONTH], filter: { territoryId: $t }) { ${ROW} } }`, { t: node.id });
      expect(node.participation).toEqual(direct.participationStats);
    }
    const eldorado = res.territories.edges.find((e: any) => e.node.code === "ELDORADO").node.participation;
    expect(eldorado).toHaveLength(1);
    rounded(eldorado[0], 7);
  });

  it("give the city-wide total, the same by every question that counts the same people", async () => {
    const totals = await call(system.gatewayUrl, `{ all: participationStats { ${ROW} } digital: participationStats(filter: { channel: DIGITAL_PLATFORM }) { ${ROW} }
      since2000: participationStats(filter: { from: "2000-01-01T00:00:00Z" }) { ${ROW} } votes: participationStats(filter: { kind: PRIORITIZATION_VOTE }) { ${ROW} }
      votesByOldName: participationStats(filter: { kind: PRIORITISATION_VOTE }) { ${ROW} } }`, {});
    expect(totals.all).toHaveLength(1);
    rounded(totals.all[0], 9);
    // Asking again by another route brings no fresh rounding to average away.
    // The deprecated British spelling of the kind is still accepted, and counts the same.
    expect([totals.digital, totals.since2000, totals.votes, totals.votesByOldName]).toEqual([totals.all, totals.all, totals.all, totals.all]);
  });

  it("key people alike on every database it runs on (another key would round every group afresh)", async () => {
    const [row] = await system.subgraphs.participation.orm.em.getConnection().execute(`select ${personKeySql("12345")} as k`, ["4242424242"]);
    expect(Number(row.k)).toBe(2952646968);
  });

  it("count whole calendar months: a window that ends inside this month counts all of it", async () => {
    // Just after the start of this month in Contagem (months are civil).
    const start = new Date(startOfCivilDay(`${civilToday().slice(0, 7)}-01`).getTime() + 1);
    const { inside, all } = await call(system.gatewayUrl, `query($to: DateTime!) { inside: participationStats(filter: { to: $to }) { ${ROW} } all: participationStats { ${ROW} } }`, {
      to: start.toISOString(),
    });
    expect(inside).toEqual(all);
  });
});
