import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { adminToken, entityQueries, gql, introspect, mintToken, rootQueries, startSystem, type CrawlRequest, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { EntityManager } from "@mikro-orm/postgresql";
import { contagemSnapshot } from "./decidim/decidim.fixtures";
import { applyDecidimSnapshot } from "./decidim/import";
import { participation } from "./definition";
import { call, citizen, openVote, staffToken, testCpf } from "./participation.fixtures";

/**
 * Seeds participants with recognisable personal data and activity on every kind of record, then crawls every
 * anonymous (and other-citizen) query path of the supergraph — generated from its schema — and every entity of
 * every subgraph through `_entities`, and finds none of the personal data in any response or error.
 */
const ROOT = join(__dirname, "../../..");
let system: RunningSystem;
const people = Array.from({ length: 6 }, (_, i) => ({
  fullName: `Zelda Unmistakable${i} Probe`,
  email: `zelda${i}.unmistakable@privacy-probe.example`,
  phone: `(31) 97654-32${i}1`,
  cpf: testCpf(500 + i),
  birthDate: `1933-0${i + 1}-2${i}`,
  neighbourhood: `Vila Sentinela ${i}`,
  handle: i < 3 ? `sentinel_handle_${i}` : undefined,
  profilePublic: i < 2,
}));
const needles = people.flatMap((p) => [
  p.fullName,
  "Unmistakable",
  p.email,
  "privacy-probe",
  p.phone,
  p.phone.replace(/\D/g, ""),
  "97654-32",
  p.cpf,
  p.cpf.replace(/\D/g, ""),
  p.birthDate,
  p.neighbourhood,
  "Sentinela",
  `privacy-subject-${people.indexOf(p)}`,
]);

beforeAll(async () => {
  // The crawl sends queries far larger than the public limits admit (every field, four levels deep): limits off.
  system = await startSystem([councils, meetings, participation], await readFile(join(ROOT, "gateway/supergraph.graphql"), "utf8"), { queryLimits: false });
  const url = system.gatewayUrl;
  const admin = await adminToken();
  const { council } = await call(url, `{ council(slug: "compur") { id } }`, {});
  const { scheduleMeeting } = await call(url, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } } }`, {
    i: { councilId: council.id, type: "PUBLIC_HEARING", modality: "IN_PERSON", place: "Câmara", startsAt: new Date(Date.now() + 86_400_000).toISOString() },
  }, admin);
  const vote = await openVote(url, 5, { councilId: council.id });
  const staff = await staffToken();
  for (const [i, person] of people.entries()) {
    const token = await citizen(url, `privacy-subject-${i}`, person);
    await call(url, `mutation($i: CastBallotInput!) { castBallot(input: $i) { castAtHour } }`, { i: { processId: vote.processId, proposalIds: [vote.optionIds[i % 5], vote.optionIds[(i + 1) % 5]] } }, token);
    await call(url, `mutation($i: SupportProposalInput!) { supportProposal(input: $i) { proposal { id } } }`, { i: { proposalId: vote.optionIds[i % 5] } }, token);
    await call(url, `mutation($i: SubmitProposalInput!) { submitProposal(input: $i) { proposal { id } } }`, { i: { processId: vote.processId, title: `Proposta pública ${i}`, body: "Texto da proposta." } }, token);
    await call(url, `mutation($i: RecordPresenceInput!) { recordPresence(input: $i) { meeting { id } } }`, { i: { meetingId: scheduleMeeting.meeting.id } }, token);
    for (const status of ["PUBLISHED", "HIDDEN", "PENDING"]) {
      const target = status === "PUBLISHED" ? { meetingId: scheduleMeeting.meeting.id } : { proposalId: vote.optionIds[0] };
      const { contribute } = await call(url, `mutation($i: ContributeInput!) { contribute(input: $i) { contribution { id version } } }`, { i: { ...target, body: `Comentário ${status.toLowerCase()} ${i}` } }, token);
      if (status !== "PENDING") {
        await call(url, `mutation($i: ModerateContributionInput!) { moderateContribution(input: $i) { contribution { id } } }`, {
          i: { contributionId: contribute.contribution.id, expectedVersion: contribute.contribution.version, status, reason: status === "HIDDEN" ? "Fora do tema" : null },
        }, staff);
      }
    }
    await call(url, `query($id: ID!) { participant(id: $id, purpose: "Auditoria de teste de privacidade") { fullName email phone documentMasked } }`, { id: String(i + 1) }, staff);
    if (i === 5) await call(url, `mutation { eraseMe(input: { confirm: "ERASE" }) { erasedAt } }`, {}, token);
  }
  // Decide Contagem's records (issue 17) on every path too: imported processes, proposals with authors' counts and
  // organisations, projects, results, a council's assembly with its meetings — and the sync's run and audit entry.
  await applyDecidimSnapshot(system.subgraphs.participation.orm.em.fork() as EntityManager, contagemSnapshot(), { auditSchema: system.subgraphs.participation.database.auditSchema });
}, 120_000);
afterAll(() => system.stop());

const VALUES = {
  id: ["1", "2", "3", "4", "5", "6", "7"],
  query: ["Unmistakable", "privacy-probe", "Sentinela", "zelda0"],
  purpose: ["Auditoria de teste de privacidade"],
  slug: ["compur"],
  code: ["SEDE"],
  search: ["Zelda"],
};

/** Paths whose answer carried data, so that the crawl is seen to read real records (not only errors). */
const answered = new Set<string>();

async function crawl(url: string, requests: CrawlRequest[], token?: string) {
  const leaks: { path: string; needle: string }[] = [];
  for (const request of requests) {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: request.query }),
    });
    const body = await res.text();
    const parsed = JSON.parse(body) as { data?: Record<string, unknown> | null };
    if (parsed.data && Object.values(parsed.data).some((v) => v !== null && !(Array.isArray(v) && v.length === 0))) answered.add(request.path.split("#")[0]);
    for (const needle of needles) if (body.includes(needle)) leaks.push({ path: request.path, needle });
  }
  return leaks;
}

describe("privacy of participants' personal data", () => {
  it("the crawler reaches the data: a staff read through the same machinery finds it (the probe works)", async () => {
    const res = await gql(system.gatewayUrl, `{ participants(first: 10, purpose: "Verificação do teste de privacidade") { edges { node { email } } } }`, undefined, { token: await staffToken() });
    expect(JSON.stringify(res)).toContain(people[0].email);
  });

  it("is reachable by no anonymous or other-citizen query path of the supergraph", async () => {
    const schema = await introspect(system.gatewayUrl);
    const requests = rootQueries(schema, { depth: 4, values: VALUES });
    expect(requests.length).toBeGreaterThan(40);
    expect(requests.map((r) => r.path.split("#")[0])).toEqual(expect.arrayContaining(["Query.processes", "Query.proposals", "Query.participationStats", "Query.me", "Query.exportMyData", "Query.participant", "Query.participants", "Query.searchMinutes", "Query.councils"]));
    const other = await citizen(system.gatewayUrl, "privacy-other", { fullName: "Outra Pessoa Qualquer", email: "outra@example.org", birthDate: "1990-01-01" });
    // The four crawls side by side (independent reads; one after another they take minutes on a busy machine).
    const [anonymous, otherCitizen, secretary, staffLeaks] = await Promise.all([
      crawl(system.gatewayUrl, requests),
      crawl(system.gatewayUrl, requests, other),
      mintToken({ roles: ["SECRETARY"], councils: ["compur"] }).then((token) => crawl(system.gatewayUrl, requests, token)),
      staffToken().then((token) => crawl(system.gatewayUrl, requests, token)),
    ]);
    expect(anonymous).toEqual([]);
    expect(otherCitizen).toEqual([]);
    expect(secretary).toEqual([]);
    // Positive control: the same crawl as STAFF does reach personal data (through the audited staff-only fields).
    expect(new Set(staffLeaks.map((l) => l.path.split("#")[0]))).toEqual(new Set(["Query.participant", "Query.participants"]));
    // The public paths answered with real records: proposals with authors, contributions, figures, processes.
    const expected = ["Query.processes", "Query.process", "Query.proposals", "Query.proposal", "Query.participationStats", "Query.meetings", "Query.councils", "Query.me", "Query.assemblies"];
    expect(expected.filter((path) => !answered.has(path))).toEqual([]);
  }, 300_000);

  it("is reachable through no `_entities` representation of any subgraph", async () => {
    for (const name of ["councils", "meetings", "participation"]) {
      const url = system.subgraphs[name].url;
      const sdl = await readFile(join(ROOT, "services", name, "schema.graphql"), "utf8");
      const requests = entityQueries(sdl, await introspect(url), VALUES.id, { depth: 3, values: VALUES });
      expect(requests.length).toBeGreaterThan(0);
      expect({ name, leaks: await crawl(url, requests) }).toEqual({ name, leaks: [] });
    }
  }, 120_000);
});
