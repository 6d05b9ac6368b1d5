import { DecidimStandin, decidimSchema, type ComponentRow, type ProposalRow, type StandinData } from "@contagem/decidim-standin";
import { parse, validate } from "graphql";
import { DecidimClient, DecidimClientError, type DecidimClientOptions } from "./client";
import { DECIDIM_QUERIES } from "./queries";
import type { DecidimSnapshot } from "./records";

/** What Decidim shows an anonymous reader, computed from the stand-in's raw data (Decidim's rules, not the client's). */
function visible(data: StandinData) {
  const spaces = data.spaces.filter(
    (s) => s.publishedAt !== null && (!s.privateSpace || (s.kind === "Assembly" && s.isTransparent)),
  );
  const components = data.components.filter(
    (c) => c.published && spaces.some((s) => s.kind === c.space.kind && s.id === c.space.id),
  );
  const ofManifest = (m: ComponentRow["manifest"]) => new Set(components.filter((c) => c.manifest === m).map((c) => c.id));
  const proposalComponents = ofManifest("proposals");
  const budgetComponents = ofManifest("budgets");
  const budgets = data.budgets.filter((b) => budgetComponents.has(b.componentId)).map((b) => b.id);
  const meetingComponents = ofManifest("meetings");
  const resultComponents = ofManifest("accountability");
  const ids = (rows: { id: number }[]) => rows.map((r) => String(r.id)).sort();
  return {
    processes: spaces.filter((s) => s.kind === "ParticipatoryProcess").map((s) => s.slug).sort(),
    assemblies: spaces.filter((s) => s.kind === "Assembly").map((s) => s.slug).sort(),
    proposals: data.proposals.filter((p) => proposalComponents.has(p.componentId) && p.publishedAt !== null && !p.hidden),
    projects: ids(data.projects.filter((p) => budgets.includes(p.budgetId))),
    results: ids(data.results.filter((r) => resultComponents.has(r.componentId))),
    meetings: ids(
      data.meetings.filter(
        (m) =>
          meetingComponents.has(m.componentId) && m.publishedAt !== null && !m.hidden && (!m.privateMeeting || m.transparent),
      ),
    ),
  };
}

const expectedState = (p: ProposalRow) =>
  p.statePublishedAt !== null || p.internalState === "withdrawn" ? p.internalState : "not_answered";
const sortedIds = (rows: { externalId: string }[]) => rows.map((r) => r.externalId).sort();
const withoutTime = (s: DecidimSnapshot) => ({ ...s, fetchedAt: "" });

describe("DecidimClient against the stand-in Decidim API", () => {
  const standin = new DecidimStandin();
  let apiUrl = "";
  let sleeps: number[] = [];
  let sent: { operationName: string; query: string }[] = [];
  let answers: string[] = [];

  /** fetch that records what the client sends and what it gets back. */
  const recordingFetch: typeof fetch = async (input, init) => {
    const body = JSON.parse(String(init?.body));
    sent.push({ operationName: body.operationName, query: body.query });
    const res = await fetch(input, init);
    const text = await res.clone().text();
    answers.push(text);
    return res;
  };
  const client = (options: Partial<DecidimClientOptions> = {}) =>
    new DecidimClient({
      apiUrl,
      maxRequestsPerSecond: Infinity,
      timeoutMs: 5_000,
      maxRetries: 4,
      backoffBaseMs: 100,
      backoffMaxMs: 1_000,
      random: () => 1,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      fetch: recordingFetch,
      ...options,
    });

  beforeAll(async () => {
    ({ apiUrl } = await standin.start());
  });
  afterAll(() => standin.stop());
  beforeEach(() => {
    standin.reset();
    sleeps = [];
    sent = [];
    answers = [];
  });

  it("reads every visible record of the instance, and nothing Decidim does not show", async () => {
    const snapshot = await client().readSnapshot();
    const want = visible(standin.store.data);

    expect(snapshot.decidimVersion).toBe("0.28.4");
    expect(snapshot.apiUrl).toBe(apiUrl);
    expect(snapshot.processes.map((p) => p.slug).sort()).toEqual(want.processes);
    expect(snapshot.assemblies.map((a) => a.slug).sort()).toEqual(want.assemblies);
    expect(snapshot.assemblies.map((a) => a.slug)).toContain("regional-nacional");
    expect(sortedIds(snapshot.proposals)).toEqual(want.proposals.map((p) => String(p.id)).sort());
    expect(sortedIds(snapshot.projects)).toEqual(want.projects);
    expect(sortedIds(snapshot.results)).toEqual(want.results);
    expect(sortedIds(snapshot.meetings)).toEqual(want.meetings);

    // Proposals: state as Decidim publishes it, answers only once published, counts, organisations only.
    const raw = new Map(want.proposals.map((p) => [String(p.id), p]));
    const groups = new Map(standin.store.data.userGroups.filter((g) => g.verified).map((g) => [g.id, g.name]));
    for (const p of snapshot.proposals) {
      const row = raw.get(p.externalId)!;
      expect(p.state).toBe(expectedState(row));
      if (p.state === "not_answered" || p.state === "withdrawn") expect([p.answer, p.answeredAt]).toEqual([null, null]);
      expect(p.title).toBe(row.title["pt-BR"]);
      expect(p.authorsCount).toBe(row.coauthors.length);
      const group = row.coauthors.find((a) => a.kind === "user_group");
      const expectedOrg = row.coauthors.some((a) => a.kind === "organization")
        ? "Decide Contagem"
        : group?.kind === "user_group"
          ? (groups.get(group.groupId) ?? null)
          : null;
      expect(p.organizationAuthor).toBe(expectedOrg);
    }
    expect(new Set(snapshot.proposals.map((p) => p.state))).toEqual(
      new Set(["not_answered", "evaluating", "accepted", "rejected", "withdrawn"]),
    );
    // The OGP vote hides supports: no counts invented.
    const ogp = snapshot.processes.find((p) => p.slug === "plano-governo-aberto-2022")!;
    const ogpProposals = snapshot.proposals.filter((p) => p.space.externalId === ogp.externalId);
    expect(ogpProposals).toHaveLength(5);
    expect(ogpProposals.every((p) => p.voteCount === null && p.organizationAuthor === "Decide Contagem")).toBe(true);
    expect(ogp.steps.map((s) => [s.position, s.startDate, s.endDate, s.active])).toEqual([
      [0, "2022-10-17", null, false],
      [1, null, "2022-12-15", true],
    ]);

    // Plain text, pt-BR, entities decoded; public URLs built like Decidim's.
    const sample = snapshot.proposals.find((p) => p.title === "Proposta fictícia 001 para o FMIC")!;
    expect(sample.body).toContain("mais editais & critérios claros.");
    expect(sample.body).toMatch(/item A[\s\S]*item B/);
    const texts = JSON.stringify(snapshot);
    expect(texts).not.toMatch(/<\/?(p|em|strong|b|ul|li)>/);
    const fmic = snapshot.processes.find((p) => p.slug.startsWith("consulta-publica"))!;
    expect(sample.url).toBe(`${fmic.url}/f/${sample.componentExternalId}/proposals/${sample.externalId}`);
    expect(fmic.url).toBe(`${apiUrl.replace(/\/api$/, "")}/processes/${fmic.slug}`);

    // Works budget projects, results with status and parent, meetings with agenda and closing.
    expect(snapshot.projects.every((p) => p.confirmedVotes === null && p.budgetTitle.includes("fictício"))).toBe(true);
    const child = snapshot.results.find((r) => r.parentExternalId !== null)!;
    expect(snapshot.results.find((r) => r.externalId === child.parentExternalId)?.statusName).toBe("Em execução");
    expect(snapshot.results.filter((r) => r.statusName === "Concluído" && r.progress === 100)).toHaveLength(5);
    const nacional = snapshot.assemblies.find((a) => a.slug === "regional-nacional")!;
    const councilMeetings = snapshot.meetings.filter((m) => m.space.externalId === nacional.externalId && m.space.type === "Assembly");
    expect(councilMeetings).toHaveLength(3);
    expect(councilMeetings[0].agenda.map((a) => a.title)).toEqual(["Abertura", "Demandas da regional", "Iluminação pública"]);
    expect(councilMeetings[0]).toMatchObject({ closed: true, attendeesCount: 18, address: "Rua Quintino Bocaiuva, 450, Nacional" });
    expect(councilMeetings[0].closingReport).toMatch(/^Ata fictícia/);
    expect(councilMeetings[1].agenda).toEqual([]); // agenda not visible in Decidim
    expect(councilMeetings[2].withdrawn).toBe(true);
    const unseenClosing = snapshot.meetings.filter((m) => m.closed && m.closingReport === null);
    expect(unseenClosing).toHaveLength(1); // closing not visible
  });

  it("pages every connection to its end, whatever the page size", async () => {
    const full = await client().readSnapshot();
    const fmicPages = sent.filter((s) => s.operationName === "DecidimProposals").length;
    sent = [];
    const small = await client({ pageSize: 7 }).readSnapshot();
    expect(withoutTime(small)).toEqual(withoutTime(full));
    const smallPages = sent.filter((s) => s.operationName === "DecidimProposals").length;
    const proposalsPerComponent = new Map<string, number>();
    for (const p of full.proposals) proposalsPerComponent.set(p.componentExternalId, (proposalsPerComponent.get(p.componentExternalId) ?? 0) + 1);
    // Pages overlap by one item: the first brings `size`, each next one `size - 1` new items.
    const pagesNeeded = (size: number) =>
      [...proposalsPerComponent.values()].reduce((n, c) => n + 1 + Math.max(0, Math.ceil((c - size) / (size - 1))), 0);
    expect(fmicPages).toBe(pagesNeeded(50));
    expect(Math.max(...proposalsPerComponent.values())).toBeGreaterThan(100); // the FMIC consultation needs 3 pages of 50
    expect(smallPages).toBe(pagesNeeded(7));
    expect(() => client({ pageSize: 51 })).toThrow(RangeError);
    expect(() => client({ pageSize: 1 })).toThrow(RangeError);
  });

  it("sends only the documented queries, each valid against the transcribed SDL", async () => {
    await client({ pageSize: 20 }).readSnapshot();
    const schema = decidimSchema();
    expect(sent.length).toBeGreaterThan(10);
    for (const { operationName, query } of sent) {
      expect(Object.keys(DECIDIM_QUERIES)).toContain(operationName);
      expect(validate(schema, parse(query))).toEqual([]);
    }
  });

  it("never reads a user's name or nickname: not in the snapshot, not even in Decidim's answers", async () => {
    const snapshot = JSON.stringify(await client().readSnapshot());
    const received = answers.join("\n");
    const users = standin.store.data.users;
    expect(users.length).toBeGreaterThan(10);
    for (const u of users) {
      for (const value of [u.name, u.nickname]) {
        expect(snapshot).not.toContain(value);
        expect(received).not.toContain(value);
      }
    }
    // A group Decidim verified is an organisation: its name may be kept; an unverified one's is whatever a person typed.
    const [unverified, verified] = standin.store.data.userGroups;
    expect([unverified.verified, verified.verified]).toEqual([false, true]);
    const authors = new Set(JSON.parse(snapshot).proposals.map((p: { organizationAuthor: string | null }) => p.organizationAuthor));
    expect(authors.has(verified.name)).toBe(true);
    expect(authors.has(unverified.name)).toBe(false);
  });

  it("waits Retry-After on 429 and then succeeds", async () => {
    const baseline = await client().readSnapshot();
    standin.reset();
    sleeps = [];
    standin.failNext(2, { kind: "status", status: 429, retryAfter: 7 });
    standin.failNext(1, { kind: "status", status: 429, retryAfter: new Date(Date.now() + 30_000).toUTCString() });
    const snapshot = await client().readSnapshot();
    expect(withoutTime(snapshot)).toEqual(withoutTime(baseline));
    expect(sleeps.slice(0, 2)).toEqual([7_000, 7_000]);
    expect(sleeps[2]).toBeGreaterThan(25_000);
    expect(sleeps[2]).toBeLessThanOrEqual(30_000);
    expect(standin.apiRequests().slice(0, 4).map((r) => r.status)).toEqual([429, 429, 429, 200]);

    // Decidim's Rack::Attack answers 429 without Retry-After by default: exponential backoff then.
    standin.reset();
    sleeps = [];
    standin.failNext(2, { kind: "status", status: 429 });
    expect(withoutTime(await client().readSnapshot())).toEqual(withoutTime(baseline));
    expect(sleeps).toEqual([100, 200]);
  });

  it("retries 5xx, resets, garbage and time-outs with bounded exponential backoff, then succeeds", async () => {
    const baseline = await client().readSnapshot();
    standin.reset();
    sleeps = [];
    standin.failNext(1, { kind: "status", status: 500 });
    standin.failNext(1, { kind: "status", status: 502 });
    standin.failNext(1, { kind: "reset" });
    standin.failNext(1, { kind: "garbage" });
    const snapshot = await client().readSnapshot();
    expect(withoutTime(snapshot)).toEqual(withoutTime(baseline));
    expect(sleeps).toEqual([100, 200, 400, 800]);
    sleeps = [];
    standin.failNext(1, { kind: "delay", ms: 1_000 });
    await client({ timeoutMs: 150 }).readSnapshot();
    expect(sleeps).toEqual([100]);
    expect(standin.apiRequests().some((r) => r.fault === "delay")).toBe(true);
  });

  it("gives up after the retry budget with a typed error and no snapshot", async () => {
    standin.failNext(50, { kind: "status", status: 503 });
    const error = await client({ maxRetries: 3 }).readSnapshot().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DecidimClientError);
    expect(error).toMatchObject({ code: "DECIDIM_HTTP_ERROR", status: 503, attempts: 4, operation: "DecidimMetadata" });
    expect(sleeps).toEqual([100, 200, 400]);

    standin.reset();
    standin.failNext(50, { kind: "status", status: 429, retryAfter: 3600 });
    await expect(client().readSnapshot()).rejects.toMatchObject({ code: "DECIDIM_RATE_LIMITED", attempts: 1 });

    standin.reset();
    standin.failNext(1, { kind: "status", status: 403 });
    await expect(client().readSnapshot()).rejects.toMatchObject({ code: "DECIDIM_HTTP_ERROR", status: 403, attempts: 1 });

    standin.reset();
    await expect(client({ maxResponseBytes: 1_000 }).readSnapshot()).rejects.toMatchObject({
      code: "DECIDIM_BAD_RESPONSE",
      attempts: 1,
      message: expect.stringContaining("exceeds 1000 bytes"),
    });

    standin.reset();
    standin.failNext(10, { kind: "delay", ms: 1_000 });
    await expect(client({ timeoutMs: 100, maxRetries: 1 }).readSnapshot()).rejects.toMatchObject({
      code: "DECIDIM_TIMEOUT",
      attempts: 2,
    });
  });

  it("stops at once when told to (its process shutting down): mid-request and mid-wait, DECIDIM_STOPPED", async () => {
    // Mid-request: the stand-in holds the answer for a minute.
    standin.failNext(1, { kind: "delay", ms: 60_000 });
    const midRequest = new AbortController();
    const reading = client({ signal: midRequest.signal }).readSnapshot();
    setTimeout(() => midRequest.abort(), 200);
    await expect(reading).rejects.toMatchObject({ code: "DECIDIM_STOPPED", attempts: 1 });

    // Mid-wait: a 429 asks for 100 s; the (real) sleep is cut short.
    standin.reset();
    standin.failNext(1, { kind: "status", status: 429, retryAfter: 100 });
    const midWait = new AbortController();
    const waiting = client({ signal: midWait.signal, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }).readSnapshot();
    setTimeout(() => midWait.abort(), 200);
    await expect(waiting).rejects.toMatchObject({ code: "DECIDIM_STOPPED" });
  });

  it("refuses a Decidim release it was not checked against, unless told to read it anyway", async () => {
    standin.store.data.organization.decidimVersion = "0.30.1";
    await expect(client().readSnapshot()).rejects.toMatchObject({ code: "DECIDIM_UNSUPPORTED_VERSION", attempts: 1 });
    expect(sent.map((s) => s.operationName)).toEqual(["DecidimMetadata"]);
    const snapshot = await client({ allowUntestedVersion: true }).readSnapshot();
    expect(snapshot.decidimVersion).toBe("0.30.1");
    expect(snapshot.proposals.length).toBeGreaterThan(100);
    // The release is the whole string: a suffix is another build, not the one checked.
    for (const version of ["0.28.4-evil", "0.28.4 ", "10.28.4", "0.28.4.rc1x", ""]) {
      standin.store.data.organization.decidimVersion = version;
      await expect(client().readSnapshot()).rejects.toMatchObject({ code: "DECIDIM_UNSUPPORTED_VERSION" });
    }
    for (const version of ["0.27.9", "0.28.0.rc1", "0.28.4"]) {
      standin.store.data.organization.decidimVersion = version;
      expect((await client().readSnapshot()).decidimVersion).toBe(version);
    }
  });

  it("bounds what a hostile instance sends: a title at 500 characters, any text at 100,000, cut with an ellipsis", async () => {
    const store = standin.store;
    const proposal = store.data.proposals.find((p) => p.publishedAt !== null && !p.hidden)!;
    store.update("proposal", proposal.id, { title: { "pt-BR": "Título ".repeat(10_000) }, body: { "pt-BR": "😀".repeat(200_000) } });
    const snapshot = await client().readSnapshot();
    const read = snapshot.proposals.find((p) => p.externalId === String(proposal.id))!;
    expect(read.title).toHaveLength(500);
    expect(read.title.endsWith("…")).toBe(true);
    expect(read.body.length).toBeLessThanOrEqual(100_000);
    expect(read.body.endsWith("😀…")).toBe(true);
    expect(read.body.isWellFormed()).toBe(true);
  });

  it("cleans what a hostile instance sends: no NUL, control character or lone surrogate reaches a record", async () => {
    const store = standin.store;
    const proposal = store.data.proposals.find((p) => p.publishedAt !== null && !p.hidden)!;
    store.update("proposal", proposal.id, { title: { "pt-BR": "Ciclo\u0000via \u001b[31mjá\ud800" }, body: { "pt-BR": "<p>Corpo&#1;\u0007 com linha</p>" } });
    const meeting = store.data.meetings.find((m) => m.publishedAt !== null && !m.hidden && m.typeOfMeeting !== "online")!;
    store.update("meeting", meeting.id, { address: "Rua\u0000 A\u0085, 1", attendingOrganizations: "Associação\u0000 B" });
    const snapshot = await client().readSnapshot();
    const read = snapshot.proposals.find((p) => p.externalId === String(proposal.id))!;
    expect(read.title).toBe("Ciclovia [31mjá\ufffd");
    expect(read.body).toBe("Corpo com linha");
    const where = snapshot.meetings.find((m) => m.externalId === String(meeting.id))!;
    expect(where.address).toMatch(/^Rua A, 1/);
    expect(where.attendingOrganizations).toBe("Associação B");
    expect(JSON.stringify(snapshot)).not.toMatch(/\\u00[01][0-9a-f]|\\ud[89ab]/i);
  });

  it("reads a count or progress no Decidim could hold (negative, fractional, beyond an integer, 1e9 %) as unknown", async () => {
    const hostile: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const json = await res.json();
      const proposal = json.data?.component?.proposals?.edges?.[0]?.node;
      if (proposal) Object.assign(proposal, { voteCount: 2 ** 53, endorsementsCount: -5, totalCommentsCount: 1.5, authorsCount: -1 });
      const result = json.data?.component?.results?.edges?.[0]?.node;
      if (result) result.progress = 1e9;
      const meeting = json.data?.component?.meetings?.edges?.[0]?.node;
      if (meeting) Object.assign(meeting, { attendeeCount: -3, contributionCount: 2 ** 31 });
      const project = json.data?.component?.budgets?.edges?.[0]?.node?.projects?.[0];
      if (project) project.budget_amount = -100;
      return new Response(JSON.stringify(json), { status: res.status, headers: { "content-type": "application/json" } });
    };
    const snapshot = await client({ fetch: hostile }).readSnapshot();
    const counts = snapshot.proposals.flatMap((p) => [p.voteCount, p.endorsementsCount, p.commentsCount, p.authorsCount]);
    counts.push(...snapshot.meetings.flatMap((m) => [m.attendeesCount, m.contributionsCount]));
    expect(counts.filter((n) => n !== null && !(Number.isInteger(n) && n >= 0 && n < 2 ** 31))).toEqual([]);
    expect(snapshot.results.filter((r) => r.progress !== null && !(r.progress >= 0 && r.progress <= 100))).toEqual([]);
    expect(snapshot.projects.filter((p) => !(p.budgetAmount >= 0))).toEqual([]);
    expect(snapshot.proposals.some((p) => p.voteCount === null)).toBe(true);
  });

  it("reads a date or instant no calendar holds, or outside the years 0001-9999, as unknown", async () => {
    const store = standin.store;
    const process = store.data.spaces.find((s) => s.kind === "ParticipatoryProcess" && s.startDate !== null && s.steps.length > 0)!;
    store.update("space", process.id, {
      startDate: "2025-02-30", endDate: "0000-01-01",
      steps: process.steps.map((step) => ({ ...step, startDate: "2025-13-01", endDate: "10000-01-01" })),
    }, "ParticipatoryProcess");
    const proposal = store.data.proposals.find((p) => p.publishedAt !== null && !p.hidden && p.statePublishedAt !== null && p.answeredAt !== null)!;
    store.update("proposal", proposal.id, { answeredAt: "não é uma data" });
    const [first, second] = store.data.meetings.filter((m) => m.publishedAt !== null && !m.hidden && !m.withdrawn && !m.privateMeeting);
    store.update("meeting", first.id, { startTime: "+275760-09-13T00:00:00Z", endTime: "9999-12-31T23:30:00-03:00" });
    store.update("meeting", second.id, { endTime: "0000-06-01T12:00:00Z" });
    const snapshot = await client().readSnapshot();
    const read = snapshot.processes.find((p) => p.externalId === String(process.id))!;
    expect([read.startDate, read.endDate]).toEqual([null, null]);
    expect(read.steps.flatMap((step) => [step.startDate, step.endDate]).filter((d) => d !== null)).toEqual([]);
    expect(snapshot.proposals.find((p) => p.externalId === String(proposal.id))!.answeredAt).toBeNull();
    expect(snapshot.meetings.find((m) => m.externalId === String(first.id))).toMatchObject({ startTime: null, endTime: null });
    expect(snapshot.meetings.find((m) => m.externalId === String(second.id))).toMatchObject({ startTime: expect.any(String), endTime: null });
    expect(snapshot.meetings.filter((m) => m.startTime !== null).length).toBeGreaterThan(1);
  });

  it("fails as a whole when Decidim breaks down in the middle of a read", async () => {
    let requests = 0;
    const breaking: typeof fetch = async (input, init) => {
      if (++requests === 6) standin.failNext(100, { kind: "reset" });
      return fetch(input, init);
    };
    await expect(client({ fetch: breaking, maxRetries: 2 }).readSnapshot()).rejects.toMatchObject({
      code: "DECIDIM_UNREACHABLE",
      attempts: 3,
    });
    expect(requests).toBe(8);
  });

  it("sees hidden, withdrawn, deleted, unpublished and added records in the next snapshot", async () => {
    const before = await client().readSnapshot();
    const store = standin.store;
    const shown = before.proposals.filter((p) => p.state !== "withdrawn");
    const [toHide, toWithdraw] = [Number(shown[10].externalId), Number(shown[11].externalId)];
    const meetingToDelete = Number(before.meetings[0].externalId);
    const projectToDelete = Number(before.projects[0].externalId);
    const conf = store.data.spaces.find((s) => s.slug === "conferencia-municipal-cultura")!;
    const fmicComponent = store.get("proposal", toHide).componentId;

    store.hide("proposal", toHide);
    store.withdraw("proposal", toWithdraw);
    store.delete("meeting", meetingToDelete);
    store.delete("project", projectToDelete);
    store.publish("space", conf.id, false, "ParticipatoryProcess");
    const added = store.add("proposal", {
      ...store.get("proposal", toWithdraw),
      id: store.nextId("proposal"),
      title: { "pt-BR": "Proposta fictícia nova" },
      internalState: "not_answered",
      statePublishedAt: null,
      hidden: false,
      componentId: fmicComponent,
    });

    const after = await client().readSnapshot();
    const ids = new Set(after.proposals.map((p) => p.externalId));
    expect(ids.has(String(toHide))).toBe(false);
    expect(after.proposals.find((p) => p.externalId === String(toWithdraw))?.state).toBe("withdrawn");
    expect(after.meetings.some((m) => m.externalId === String(meetingToDelete))).toBe(false);
    expect(after.projects.some((p) => p.externalId === String(projectToDelete))).toBe(false);
    expect(after.processes.some((p) => p.slug === conf.slug)).toBe(false);
    expect(after.proposals.some((p) => p.space.externalId === String(conf.id) && p.space.type === "ParticipatoryProcess")).toBe(false);
    expect(after.proposals.find((p) => p.externalId === String(added.id))?.title).toBe("Proposta fictícia nova");
    expect(after.proposals).toHaveLength(before.proposals.length - 1 - 6 + 1); // hidden, the conference's 6, the new one

    store.hide("proposal", toHide, false);
    const restored = await client().readSnapshot();
    expect(restored.proposals.some((p) => p.externalId === String(toHide))).toBe(true);
  });

  it("notices a list that shifted under its read (a proposal hidden meanwhile) and reads it again, skipping none", async () => {
    const fmic = standin.store.data.spaces.find((s) => s.slug.startsWith("consulta-publica"))!;
    const componentId = standin.store.data.components.find(
      (c) => c.space.id === fmic.id && c.space.kind === "ParticipatoryProcess" && c.manifest === "proposals" && c.published,
    )!.id;
    const listed = visible(standin.store.data).proposals.filter((p) => p.componentId === componentId);
    let hidden = false;
    const pages: (string | null)[] = [];
    const shifting: typeof fetch = async (input, init) => {
      const body = JSON.parse(String(init?.body));
      const res = await fetch(input, init);
      if (body.operationName === "DecidimProposals" && body.variables.id === String(componentId)) {
        pages.push(body.variables.after);
        if (!hidden) {
          hidden = true; // a moderator hides the 5th proposal once the first page was served
          standin.store.hide("proposal", listed[4].id);
        }
      }
      return res;
    };
    const snapshot = await client({ fetch: shifting }).readSnapshot();
    const read = snapshot.proposals.filter((p) => p.componentExternalId === String(componentId)).map((p) => p.externalId);
    expect(read).toEqual(listed.filter((_, i) => i !== 4).map((p) => String(p.id)));
    expect(pages.filter((after) => after === null)).toHaveLength(2); // read again from the start
  });

  it("gives up when a list keeps changing during every read", async () => {
    const restless: typeof fetch = async (input, init) => {
      const body = JSON.parse(String(init?.body));
      const res = await fetch(input, init);
      if (body.operationName === "DecidimProposals" && body.variables.after === null) {
        const next = standin.store.data.proposals.find(
          (p) => p.componentId === Number(body.variables.id) && p.publishedAt !== null && !p.hidden,
        );
        if (next) standin.store.hide("proposal", next.id);
      }
      return res;
    };
    await expect(client({ fetch: restless }).readSnapshot()).rejects.toMatchObject({
      code: "DECIDIM_BAD_RESPONSE",
      message: expect.stringContaining("kept changing"),
    });
  });

  it("spaces its requests to the maximum rate", async () => {
    let clock = 1_000_000;
    const starts: number[] = [];
    const timed: typeof fetch = async (input, init) => {
      starts.push(clock);
      clock += 3; // each request takes 3 ms
      return fetch(input, init);
    };
    await client({
      maxRequestsPerSecond: 4,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
      fetch: timed,
    }).readSnapshot();
    expect(starts.length).toBeGreaterThan(10);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(250);
  });
});
