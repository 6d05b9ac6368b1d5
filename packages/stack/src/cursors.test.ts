import { demoRegions, seedCouncilsDemo } from "@contagem/councils";
import { seedMeetingsDemo } from "@contagem/meetings";
import { seedParticipationDemo } from "@contagem/participation";
import { contagemSnapshot } from "../../../services/participation/src/decidim/decidim.fixtures";
import { applyDecidimSnapshot } from "../../../services/participation/src/decidim/import";
import { adminToken, gql, mintToken, probeCursors, startSystem, type RunningSystem } from "@contagem/testkit";
import type { EntityManager } from "@mikro-orm/postgresql";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * Cursors are data, not queries, on every connection of every subgraph: hostile cursors are BAD_USER_INPUT on
 * `after` and on `before` (never a server error, never an ORM operator), a real cursor of page 1 opens page 2, and
 * every list paged whole backward (`last`/`before`) is the list paged whole forward, with the Relay flags at both
 * ends. The connections come from each subgraph's schema; the synthetic history gives every list at least two items.
 */
let system: RunningSystem;
let admin: string;
/** Per subgraph, the record each entity's connections are probed on: one with two items or more in each. */
const parents: Record<string, Record<string, string>> = {};

async function call(query: string, variables: Record<string, unknown>, token: string) {
  const res = await gql(system.gatewayUrl, query, variables, { token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

/** The first id `sql` selects in a subgraph's schema (`$s` stands for it). */
async function pick(subgraph: string, sql: string): Promise<string> {
  const em = system.subgraphs[subgraph].orm.em.fork();
  const [row] = await em.execute<{ id: number }[]>(sql.replaceAll("$s", `"${em.config.get("schema")}"`));
  if (!row) throw new Error(`No record for ${sql}`);
  return String(row.id);
}

const withTwo = (table: string, column: string) => `select ${column} as id from $s.${table} where ${column} is not null group by 1 having count(*) >= 2`;

beforeAll(async () => {
  system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"));
  const options = { years: 3, councils: 22, seed: 11 };
  const structure = await system.subgraphs.councils.orm.em.fork().transactional((em) => seedCouncilsDemo(em as EntityManager, options));
  const counts = await system.subgraphs.meetings.orm.em.fork().transactional((em) => seedMeetingsDemo(em as EntityManager, structure, options));
  const regions = await demoRegions(system.subgraphs.councils.orm.em.fork());
  await system.subgraphs.participation.orm.em.fork().transactional((em) =>
    seedParticipationDemo(em as EntityManager, { ...options, participants: 60, regions, meetings: counts.heldMeetings }),
  );
  admin = await adminToken();
  // The audit trail lists writes: two of them.
  for (const notes of ["Revisão de cadastro", "Revisão de cadastro 2"]) {
    const { council } = await call(`{ council(slug: "compur") { id version } }`, {}, admin);
    await call(`mutation($i: UpdateCouncilInput!) { updateCouncil(input: $i) { council { id } } }`, { i: { id: council.id, expectedVersion: council.version, notes } }, admin);
  }
  // The synthetic history comments on meetings once at most, and never on proposals: two published comments on each.
  const meetingId = String(counts.heldMeetings[0].id);
  const proposalId = await pick("participation", `select p.id from $s.proposal p join $s.process r on r.id = p.process_id where r.status = 'OPEN' order by p.id limit 1`);
  const citizen = await mintToken({ sub: "cursor-citizen", roles: ["CITIZEN"] });
  const staff = await mintToken({ sub: "cursor-staff", roles: ["STAFF"] });
  await call(`mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { personalData { id } } }`, {
    i: { fullName: "Participante de Teste", email: "teste@exemplo.invalid", birthDate: "1990-05-01" },
  }, citizen);
  for (const on of [{ meetingId }, { meetingId }, { proposalId }, { proposalId }]) {
    const { contribute } = await call(`mutation($i: ContributeInput!) { contribute(input: $i) { contribution { id version } } }`, {
      i: { ...on, body: "Comentário de teste sobre a pauta." },
    }, citizen);
    await call(`mutation($i: ModerateContributionInput!) { moderateContribution(input: $i) { contribution { id } } }`, {
      i: { contributionId: contribute.contribution.id, expectedVersion: contribute.contribution.version, status: "PUBLISHED" },
    }, staff);
  }
  // Tombstones: two published comments hidden again by moderation.
  for (const on of [{ meetingId }, { proposalId }]) {
    const { contribute } = await call(`mutation($i: ContributeInput!) { contribute(input: $i) { contribution { id version } } }`, {
      i: { ...on, body: "Comentário de teste que a moderação ocultará." },
    }, citizen);
    const { moderateContribution } = await call(`mutation($i: ModerateContributionInput!) { moderateContribution(input: $i) { contribution { id version } } }`, {
      i: { contributionId: contribute.contribution.id, expectedVersion: contribute.contribution.version, status: "PUBLISHED" },
    }, staff);
    await call(`mutation($i: ModerateContributionInput!) { moderateContribution(input: $i) { contribution { id } } }`, {
      i: { contributionId: contribute.contribution.id, expectedVersion: moderateContribution.contribution.version, status: "HIDDEN", reason: "Fora do tema" },
    }, staff);
  }
  // The synthetic processes carry no council (its bulk insert takes the columns of the first row): two that do.
  const region = await pick("participation", withTwo("intervention", "council_id"));
  const territory = await pick("participation", `select territory_id as id from $s.intervention where council_id = ${region} limit 1`);
  for (const title of ["Orçamento de obras de teste", "Orçamento de obras de teste 2"]) {
    await call(`mutation($i: CreateProcessInput!) { createProcess(input: $i) { process { id } } }`, {
      i: { kind: "REGIONAL_WORKS_BUDGET", title, description: "Processo de teste.", councilId: region, territoryId: territory },
    }, staff);
  }
  // Nor does it tie works to the deliberation that decided them: two works decided by one of the region's deliberations.
  const deliberation = await pick("meetings", `select d.id from $s.deliberation d join $s.meeting m on m.id = d.meeting_id
    where d.outcome = 'APPROVED' and m.council_id = ${region} order by d.id limit 1`);
  for (const title of ["Obra deliberada de teste", "Obra deliberada de teste 2"]) {
    await call(`mutation($i: CreateInterventionInput!) { createIntervention(input: $i) { intervention { id } } }`, {
      i: { councilId: region, deliberationId: deliberation, title, estimatedCost: 1000, year: 2026 },
    }, staff);
  }
  // The record has one Decide Contagem assembly; a second, synthetic, lets its list be paged.
  const participation = system.subgraphs.participation.orm.em.fork();
  await participation.execute(`insert into "${participation.config.get("schema")}".assembly (slug, name, facts, sources)
    values ('assembleia-sintetica', 'Assembleia sintética', 'Dados de teste.', '[]')`);
  // Decide Contagem's records (issue 17): two sync runs, an assembly with two meetings, a process with results.
  const auditSchema = system.subgraphs.participation.database.auditSchema;
  for (let run = 0; run < 2; run++) await applyDecidimSnapshot(system.subgraphs.participation.orm.em.fork() as EntityManager, contagemSnapshot(), { auditSchema });
  // Nor does it record roll calls: two nominal votes of one member who attended twice, on deliberations of their meetings.
  const voter = await pick("meetings", `${withTwo("attendance", "mandate_id")} order by 1 limit 1`);
  const meetingsEm = system.subgraphs.meetings.orm.em.fork();
  const ms = `"${meetingsEm.config.get("schema")}"`;
  await meetingsEm.execute(`insert into ${ms}.vote (deliberation_id, mandate_id, choice)
    select d.id, a.mandate_id, 'FOR' from ${ms}.deliberation d join ${ms}.attendance a on a.meeting_id = d.meeting_id
    where a.mandate_id = ${voter} order by d.id limit 2`);
  parents.councils = { Council: await pick("councils", withTwo("term", "council_id")) };
  // The demo's history lives on synthetic councils only: one with two minutes (and so meetings and resolutions).
  parents.meetings = { Council: await pick("meetings", `${withTwo("minutes", "council_id")} order by count(*) desc limit 1`), Mandate: voter };
  parents.participation = {
    Meeting: meetingId,
    Proposal: proposalId,
    // The OGP vote imported from Decidim: two or more options (proposals) and two results.
    ParticipatoryProcess: await pick("participation", `${withTwo("process_result", "process_id")} order by 1 limit 1`),
    Assembly: await pick("participation", `${withTwo("assembly_meeting", "assembly_id")} order by 1 limit 1`),
    Council: region,
    Territory: territory,
    Deliberation: deliberation,
  };
}, 120_000);
afterAll(() => system.stop());

// The searches' query: words every synthetic minutes, resolution and proposal says ("dados sintéticos").
const VALUES = { query: ["dados sintéticos"], purpose: ["Teste de paginação"] };

describe.each(["councils", "meetings", "participation"])("cursors of the %s subgraph", (name) => {
  it("are refused unless they are a position of the list, and page the whole list both ways when they are", async () => {
    const report = await probeCursors(system.subgraphs[name].url, { token: admin, values: VALUES, parents: parents[name] });
    expect(report.failures).toEqual([]);
    expect(report.probes.length).toBeGreaterThan(0);
    // Every connection was probed with its own real cursors tampered with, and paged through.
    expect(report.tampered).toEqual(report.probes);
    expect(report.paged).toEqual(report.probes);
    expect(report.walked).toEqual(report.probes);
  }, 300_000);
});
