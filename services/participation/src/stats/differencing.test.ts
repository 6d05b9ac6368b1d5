import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { civilToday, databaseIdOf, startOfCivilDay } from "@contagem/schema";
import { startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { participation } from "../definition";
import { call, citizen, openVote } from "../participation.fixtures";
import { MAX_ROUNDING_ERROR } from "./disclosure";
import { ALL, DIMENSIONS, feasibleIntervals, groupId, groups, Knowledge, type Dimension, type Domain, type Group, type Reading } from "./differencing.fixtures";

/**
 * A reader who asks every grouping and every filter the API offers, and subtracts: no count under 5 may follow.
 * Over a small population built through the graph, the test gathers every published figure (participationStats
 * with each subset of dimensions and each filter, and the figures Council and Territory show), reads each as the
 * schema documents it, and computes by linear programming the interval each group's count must lie in.
 */
const D = "DIGITAL_PLATFORM";
const P = "IN_PERSON";
interface Act {
  council: 0 | 1;
  channel: string;
  /** A comment on an option of the council's vote (kind null) instead of a ballot in it. */
  comment?: boolean;
  lastMonth?: boolean;
}
const population: { territory: string; acts: Act[] }[] = [
  // The issue's example: 5 people of SEDE and 1 of RIACHO take part in person; the total says 6 and SEDE 5.
  ...Array.from({ length: 5 }, () => ({ territory: "SEDE", acts: [{ council: 0, channel: P }] as Act[] })),
  { territory: "RIACHO", acts: [{ council: 0, channel: P }] },
  // Others, over both councils, both kinds, both channels and two months.
  { territory: "RIACHO", acts: [{ council: 1, channel: D, lastMonth: true }, { council: 1, channel: D, comment: true }] },
  { territory: "RIACHO", acts: [{ council: 0, channel: D }] },
  { territory: "ELDORADO", acts: [{ council: 1, channel: D }, { council: 0, channel: D, lastMonth: true }] },
  { territory: "ELDORADO", acts: [{ council: 1, channel: P, lastMonth: true }, { council: 1, channel: P, comment: true, lastMonth: true }] },
  { territory: "ELDORADO", acts: [{ council: 1, channel: D }] },
  { territory: "SEDE", acts: [{ council: 1, channel: D, lastMonth: true }, { council: 0, channel: D, comment: true }] },
];

/**
 * What one published figure tells, as the schema documents it (ParticipationFigure): within MAX_ROUNDING_ERROR of
 * the truth, and a listed group is not empty; a group the answer does not list (`undefined`) rounded to 0.
 */
function read(figure: { participants: number; activities: number } | undefined): Reading {
  if (!figure) return { participants: [0, MAX_ROUNDING_ERROR], activities: [0, Infinity] };
  const near = (n: number): [number, number] => [Math.max(1, n - MAX_ROUNDING_ERROR), n + MAX_ROUNDING_ERROR];
  return { participants: near(figure.participants), activities: near(figure.activities) };
}

let system: RunningSystem;
let domain: Domain;
/** The true group of each act, as the audit names values. */
let acts: { person: number; cell: Group }[];
const monthBounds: Record<string, { from: string; to: string }> = {};
/** Territory codes by id, for readable failures. */
const codes: Record<string, string> = {};

beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"));
  const url = system.gatewayUrl;
  const { territories } = await call(url, `{ territories(first: 20) { edges { node { id code } } } }`, {});
  const regions: Record<string, string> = Object.fromEntries(territories.edges.map((e: any) => [e.node.code, e.node.id]));
  for (const [code, id] of Object.entries(regions)) codes[id] = code;
  const { councils: regional } = await call(url, `{ councils(first: 2, filter: { kind: REGIONAL }) { edges { node { id } } } }`, {});
  const councilIds: string[] = regional.edges.map((e: any) => e.node.id);
  const votes = [await openVote(url, 2, { councilId: councilIds[0] }), await openVote(url, 2, { councilId: councilIds[1] })];

  const db = system.subgraphs.participation;
  const sql = (q: string, params: unknown[] = []) => db.orm.em.getConnection().execute(q.replaceAll("$s", `"${db.database.schema}"`), params);
  // Months are Contagem's: this one, the one before, and their bounds as instants.
  const month = (offset: number) => {
    const [y, m] = civilToday().split("-").map(Number);
    const index = y * 12 + (m - 1) + offset;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  };
  const months = { last: month(-1), this: month(0) };
  const startOf = (m: string) => startOfCivilDay(`${m}-01`).toISOString();
  monthBounds[months.last] = { from: startOf(months.last), to: startOf(months.this) };
  monthBounds[months.this] = { from: startOf(months.this), to: startOf(month(1)) };

  acts = [];
  for (const [i, person] of population.entries()) {
    const token = await citizen(url, `differencing-${i}`, { fullName: `Pessoa Diferença ${i}`, email: `dif${i}@example.org`, birthDate: "1980-05-05", territoryId: regions[person.territory] });
    for (const act of person.acts) {
      const vote = votes[act.council];
      let row: { table: string; id: number };
      if (act.comment) {
        const { contribute } = await call(url, `mutation($i: ContributeInput!) { contribute(input: $i) { contribution { id } } }`, { i: { proposalId: vote.optionIds[0], body: `Comentário ${i}`, channel: act.channel } }, token);
        row = { table: "contribution", id: databaseIdOf(contribute.contribution.id) };
      } else {
        await call(url, `mutation($i: CastBallotInput!) { castBallot(input: $i) { castAtHour } }`, { i: { processId: vote.processId, proposalIds: [vote.optionIds[1]], channel: act.channel } }, token);
        const [ballot] = await sql(`select b.id from $s.ballot b join $s.participant p on p.id = b.participant_id where p.subject = ? and b.process_id = ?`, [`differencing-${i}`, databaseIdOf(vote.processId)]);
        row = { table: "ballot", id: Number(ballot.id) };
      }
      if (act.lastMonth) await sql(`update $s.${row.table} set created_at = created_at - interval '1 month' where id = ?`, [row.id]);
      acts.push({
        person: i,
        cell: {
          TERRITORY: regions[person.territory],
          COUNCIL: councilIds[act.council],
          KIND: act.comment ? "null" : "PRIORITIZATION_VOTE",
          CHANNEL: act.channel,
          MONTH: act.lastMonth ? months.last : months.this,
        },
      });
    }
  }
  domain = {
    TERRITORY: [regions.SEDE, regions.RIACHO, regions.ELDORADO],
    COUNCIL: councilIds,
    KIND: ["PRIORITIZATION_VOTE", "null"],
    CHANNEL: [D, P],
    MONTH: [months.last, months.this],
  };
}, 120_000);
afterAll(() => system.stop());

const FIELDS = "territory { id } council { id } kind channel month participants activities suppressed";
const valueOf = (row: any, d: Dimension) =>
  String({ TERRITORY: row.territory?.id, COUNCIL: row.council?.id, KIND: row.kind, CHANNEL: row.channel, MONTH: row.month }[d] ?? null);
const subsets = DIMENSIONS.reduce<Dimension[][]>((all, d) => [...all, ...all.map((s) => [...s, d])], [[]]);

function truth(group: Group) {
  const inside = acts.filter((a) => DIMENSIONS.every((d) => group[d] === ALL || group[d] === a.cell[d]));
  return { participants: new Set(inside.map((a) => a.person)).size, activities: inside.length };
}

/** Records one answer: every group it lists, and every group in its scope it does not list. */
let listedRows = 0;
const listedGroups = new Set<string>();
function learn(knowledge: Knowledge, fixed: Partial<Group>, groupBy: Dimension[], rows: any[]) {
  const listed = new Map<string, any>();
  listedRows += rows.length;
  for (const row of rows) {
    const group = { ...Object.fromEntries(DIMENSIONS.map((d) => [d, ALL])), ...fixed } as Group;
    for (const d of groupBy) group[d] = valueOf(row, d);
    for (const d of DIMENSIONS) expect([...domain[d], ALL]).toContain(group[d]);
    listed.set(groupId(group), row);
    listedGroups.add(groupId(group));
  }
  for (const group of groups(domain)) {
    const inScope = DIMENSIONS.every((d) => (fixed[d] ? group[d] === fixed[d] : groupBy.includes(d) ? group[d] !== ALL : group[d] === ALL));
    if (!inScope) continue;
    const row = listed.get(groupId(group));
    knowledge.add(group, read(row), row ? [row.participants, row.activities, row.suppressed] : null);
  }
}

describe("differencing across groupings and filters", () => {
  it("derives no count under 5 from everything the graph publishes", async () => {
    const url = system.gatewayUrl;
    const knowledge = new Knowledge();
    const filters: { filter: Record<string, string>; fixed: Partial<Group> }[] = [
      { filter: {}, fixed: {} },
      ...domain.TERRITORY.map((t) => ({ filter: { territoryId: t }, fixed: { TERRITORY: t } })),
      ...domain.COUNCIL.map((c) => ({ filter: { councilId: c }, fixed: { COUNCIL: c } })),
      { filter: { kind: "PRIORITIZATION_VOTE" }, fixed: { KIND: "PRIORITIZATION_VOTE" } },
      ...domain.CHANNEL.map((h) => ({ filter: { channel: h }, fixed: { CHANNEL: h } })),
      ...domain.MONTH.map((m) => ({ filter: monthBounds[m], fixed: { MONTH: m } })),
    ];
    let answers = 0;
    for (const groupBy of subsets) {
      for (const { filter, fixed } of filters) {
        const { participationStats } = await call(url, `query($g: [StatsDimension!], $f: StatsFilterInput) { participationStats(groupBy: $g, filter: $f) { ${FIELDS} } }`, { g: groupBy, f: filter });
        learn(knowledge, fixed, groupBy, participationStats);
        answers++;
      }
      // The same figures as Council and Territory show them.
      const res = await call(url, `query($g: [StatsDimension!]) { councils(first: 50) { edges { node { id participation(groupBy: $g) { ${FIELDS} } } } }
        territories(first: 50) { edges { node { id participation(groupBy: $g) { ${FIELDS} } } } } }`, { g: groupBy });
      for (const e of res.councils.edges) if (domain.COUNCIL.includes(e.node.id)) learn(knowledge, { COUNCIL: e.node.id }, groupBy, e.node.participation);
      for (const e of res.territories.edges) if (domain.TERRITORY.includes(e.node.id)) learn(knowledge, { TERRITORY: e.node.id }, groupBy, e.node.participation);
      answers++;
    }

    // The reading is sound: every true count lies in what the answers imply (else the audit would model another table).
    const misread = groups(domain).filter((g) => {
      const known = knowledge.readings.get(groupId(g));
      const t = truth(g);
      return known && (["participants", "activities"] as const).some((f) => t[f] < known[f][0] || t[f] > known[f][1]);
    });
    expect(misread.map((g) => `${label(g)}: ${JSON.stringify(truth(g))} vs ${JSON.stringify(knowledge.readings.get(groupId(g)))}`)).toEqual([]);

    const targets = groups(domain).flatMap((group) => {
      const t = truth(group);
      return (["participants", "activities"] as const).filter((f) => t[f] >= 1 && t[f] <= 4).map((figure) => ({ group, figure }));
    });
    const intervals = await feasibleIntervals(domain, knowledge, targets);
    const derived: string[] = [];
    const widths: Record<number, number> = {};
    for (const { group, figure } of targets) {
      const [low, high] = intervals.get(`${figure}:${groupId(group)}`)!;
      widths[high - low] = (widths[high - low] ?? 0) + 1;
      const value = truth(group)[figure];
      // The audit is sound: the truth is always within what it computed.
      expect([low <= value, value <= high]).toEqual([true, true]);
      if (low === high) derived.push(`${figure} of ${label(group)} = ${value}`);
    }
    console.log(`differencing audit: ${answers} answers listing ${listedRows} figures of ${listedGroups.size} groups; ` +
      `${targets.length} true counts of 1-4 among the ${knowledge.readings.size} groups asked about, ${derived.length} derivable; ` +
      `their intervals' widths (width: how many): ${JSON.stringify(widths)}${derived.length ? `, e.g.:\n${derived.slice(0, 12).join("\n")}` : ""}`);
    expect(derived).toEqual([]);
    expect([...knowledge.inconsistent]).toEqual([]);
  }, 300_000);
});

function label(group: Group) {
  return DIMENSIONS.filter((d) => group[d] !== ALL).map((d) => `${d}=${d === "TERRITORY" ? codes[group[d]] : group[d]}`).join(", ") || "everyone";
}
