import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { participation } from "@contagem/participation";
import { recordEvents } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { adminToken, freshSchemaName, gql, mintToken, startSystem, testDatabaseUrl, type RunningSystem } from "@contagem/testkit";
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Webhook } from "standardwebhooks";
import { CouncilWorld } from "../../../services/meetings/src/meetings.fixtures";

/**
 * Webhooks as a receiver sees them: the real system in-process, the real worker as its own process (built, as
 * `npm start` runs it), local HTTP receivers that verify every signature with the Standard Webhooks library. The
 * worker is killed mid-delivery, receivers go down and come back, and retries run out — with a backoff of
 * milliseconds, so that the whole story takes seconds.
 */
const ROOT = join(__dirname, "../../..");
const WORKER = join(ROOT, "services/councils/dist/webhooks/delivery/worker.main.js");
const MAX_ATTEMPTS = 8;
const ALL_TYPES = [
  "MINUTES_PUBLISHED",
  "RESOLUTION_ADOPTED",
  "RESOLUTION_AMENDED",
  "RESOLUTION_REVOKED",
  "MEETING_SCHEDULED",
  "MEETING_CANCELLED",
  "MEETING_HELD",
  "PROCESS_RESULTS_PUBLISHED",
];

interface Received {
  id: string;
  type: string;
  data: Record<string, unknown>;
  timestamp: string;
  answered: number | "hung";
  raw: string;
  headers: Record<string, string>;
}

/** A receiver that verifies each request with the library and answers as told (a status, or hanging). */
class Receiver {
  received: Received[] = [];
  answer: (payload: Received) => number | "hung" = () => 200;
  onHang: () => void = () => {};
  private server?: Server;
  port = 0;

  constructor(private readonly secret: () => string) {}

  get url() {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async listen(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    // Throws on a bad signature, a wrong id or a stale timestamp: the test then sees no verified delivery.
    const payload = new Webhook(this.secret()).verify(raw, req.headers as Record<string, string>) as Omit<Received, "id" | "answered" | "raw" | "headers">;
    const entry: Received = { ...payload, id: String(req.headers["webhook-id"]), answered: 0, raw, headers: req.headers as Record<string, string> };
    entry.answered = this.answer(entry);
    this.received.push(entry);
    if (entry.answered === "hung") return this.onHang();
    res.writeHead(entry.answered).end();
  }

  /** The events it accepted (2xx), each once, in the order of their first acceptance. */
  accepted(): Received[] {
    const seen = new Map<string, Received>();
    for (const r of this.received) if (typeof r.answered === "number" && r.answered < 300 && !seen.has(r.id)) seen.set(r.id, r);
    return [...seen.values()];
  }

  async close() {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

let system: RunningSystem;
let admin: string;
let secretary: string;
let worker: ChildProcess | undefined;
const receivers: Receiver[] = [];
let workerEnv: Record<string, string>;

async function call(query: string, variables: Record<string, unknown> = {}, token = admin) {
  const res = await gql(system.gatewayUrl, query, variables, { token });
  if (res.errors) throw new Error(`${query.slice(0, 80)}… → ${JSON.stringify(res.errors)}`);
  return res.data;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, [WORKER], { env: { ...process.env, ...workerEnv }, stdio: ["ignore", "ignore", "inherit"] });
  worker = child;
  return child;
}

async function stopWorker(signal: NodeJS.Signals = "SIGTERM") {
  const child = worker;
  worker = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

/** A subscription for `types` to a new receiver (listening, unless `listening` is false). */
async function subscribe(types = ALL_TYPES, listening = true) {
  let secret = "";
  const receiver = new Receiver(() => secret);
  receivers.push(receiver);
  if (listening) await receiver.listen();
  else {
    // A port nothing listens on (yet): connections are refused.
    await receiver.listen();
    await receiver.close();
  }
  const { createWebhookSubscription } = await call(
    `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { subscription { id url eventTypes active version } secret } }`,
    { i: { url: receiver.url, eventTypes: types, description: "Portal da Transparência (teste)" } },
  );
  secret = createWebhookSubscription.secret;
  const useSecret = (next: string) => void (secret = next);
  return { receiver, subscription: createWebhookSubscription.subscription as { id: string; version: number }, secret, useSecret };
}

const deliveries = async (subscriptionId: string) =>
  (
    await call(`query($s: ID) { webhookDeliveries(subscriptionId: $s, first: 100) { id eventId eventType status attempts lastStatusCode lastError nextAttemptAt deliveredAt } }`, {
      s: subscriptionId,
    })
  ).webhookDeliveries as { id: string; eventId: string; eventType: string; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null; nextAttemptAt: string | null; deliveredAt: string | null }[];

let compur: string;
const schedule = async (title: string, days = 20) =>
  (
    await call(
      `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id version } } }`,
      { i: { councilId: compur, type: "ORDINARY", modality: "IN_PERSON", place: "Sede", startsAt: new Date(Date.now() + days * 86_400_000).toISOString(), agenda: [{ kind: "DELIBERATION", title }] } },
      secretary,
    )
  ).scheduleMeeting.meeting as { id: string; version: number };

beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(ROOT, "gateway/supergraph.graphql"), "utf8"));
  admin = await adminToken();
  secretary = await mintToken({ sub: "secretaria-compur-webhooks", roles: ["SECRETARY"], councils: ["compur"] });
  compur = (await call(`{ council(slug: "compur") { id } }`)).council.id;
  const queueSchema = freshSchemaName("webhook_queue");
  workerEnv = {
    DATABASE_URL: testDatabaseUrl(),
    COUNCILS_DB_SCHEMA: system.subgraphs.councils.database.schema,
    MEETINGS_DB_SCHEMA: system.subgraphs.meetings.database.schema,
    PARTICIPATION_DB_SCHEMA: system.subgraphs.participation.database.schema,
    WEBHOOK_QUEUE_SCHEMA: queueSchema,
    WEBHOOK_ALLOW_PRIVATE_HOSTS: "true",
    WEBHOOK_BACKOFF_BASE_MS: "50",
    WEBHOOK_BACKOFF_MAX_MS: "400",
    WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    WEBHOOK_TIMEOUT_MS: "1000",
    WEBHOOK_EXPIRE_SECONDS: "2",
    WEBHOOK_POLL_MS: "200",
    LOG_LEVEL: "warn",
  };
  startWorker();
}, 120_000);

afterAll(async () => {
  await stopWorker();
  for (const receiver of receivers) await receiver.close();
  await system?.subgraphs.councils.orm.em.getConnection().execute(`drop schema if exists "${workerEnv.WEBHOOK_QUEUE_SCHEMA}" cascade`);
  await system?.stop();
}, 60_000);

describe("webhook subscriptions are ADMIN's", () => {
  it("anonymous: UNAUTHENTICATED; a secretary or staff: FORBIDDEN — to list, read deliveries, create or change", async () => {
    const secretaryOrStaff = [secretary, await mintToken({ sub: "staff-webhooks", roles: ["STAFF"] })];
    const operations = [
      { query: `{ webhookSubscriptions { id url } }` },
      { query: `{ webhookDeliveries { id status } }` },
      { query: `mutation { createWebhookSubscription(input: { url: "https://example.org/hook", eventTypes: [MEETING_HELD] }) { secret } }` },
      { query: `mutation { updateWebhookSubscription(input: { id: "1", expectedVersion: 1, active: false }) { subscription { id } } }` },
      { query: `mutation { redeliverWebhookDeliveries(input: { subscriptionId: "1" }) { requeued } }` },
      { query: `mutation { rotateWebhookSecret(input: { subscriptionId: "1", expectedVersion: 1 }) { secret } }` },
    ];
    for (const { query } of operations) {
      const anonymous = await gql(system.gatewayUrl, query);
      expect({ query, code: anonymous.errors?.[0]?.extensions?.code }).toEqual({ query, code: "UNAUTHENTICATED" });
      for (const token of secretaryOrStaff) {
        const denied = await gql(system.gatewayUrl, query, {}, { token });
        expect({ query, code: denied.errors?.[0]?.extensions?.code }).toEqual({ query, code: "FORBIDDEN" });
      }
    }
    expect((await call(`{ webhookSubscriptions { url } }`)).webhookSubscriptions.map((s: { url: string }) => s.url)).not.toContain("https://example.org/hook");
  });

  it("refuses receiver URLs that are not http(s), carry credentials or a fragment (BAD_USER_INPUT); each write is audited", async () => {
    const create = (url: string) => gql(system.gatewayUrl, `mutation($u: String!) { createWebhookSubscription(input: { url: $u, eventTypes: [MEETING_HELD] }) { subscription { id url version } } }`, { u: url }, { token: admin });
    for (const url of ["ftp://example.org/hook", "file:///etc/passwd", "https://user:pass@example.org/hook", "https://example.org/hook#x", "not a url", `https://example.org/${"h".repeat(1981)}`]) {
      const res = await create(url);
      expect({ url, code: res.errors?.[0]?.extensions?.code }).toEqual({ url, code: "BAD_USER_INPUT" });
    }
    // "at most 2000 characters", as the schema says: a receiver's URL with a long token in its path is accepted.
    const long = `https://example.org/${"h".repeat(1480)}`;
    const accepted = (await create(long)).data?.createWebhookSubscription.subscription;
    expect(accepted?.url).toBe(long);
    await call(`mutation($i: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $i) { subscription { active } } }`, {
      i: { id: accepted.id, expectedVersion: accepted.version, active: false },
    });
    const { subscription, secret } = await subscribe(["MEETING_HELD"]);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const { updateWebhookSubscription } = await call(
      `mutation($i: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $i) { subscription { active eventTypes version } } }`,
      { i: { id: subscription.id, expectedVersion: subscription.version, active: false, eventTypes: ["MEETING_HELD", "MEETING_CANCELLED"] } },
    );
    expect(updateWebhookSubscription.subscription).toEqual({ active: false, eventTypes: ["MEETING_HELD", "MEETING_CANCELLED"], version: subscription.version + 1 });
    const { auditTrail } = await call(`query($id: ID) { auditTrail(filter: { entityType: "WebhookSubscription", entityId: $id }) { edges { node { action actor } } } }`, { id: subscription.id });
    expect(auditTrail.edges.map((e: { node: { action: string } }) => e.node.action).sort()).toEqual(["webhook-subscription.create", "webhook-subscription.update"]);
    // The secret is shown once, not readable afterwards.
    const read = await gql(system.gatewayUrl, `{ webhookSubscriptions { secret } }`, {}, { token: admin });
    expect(read.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("delivery", () => {
  it("sends every event type, signed per Standard Webhooks (verified with the library), with public data only", async () => {
    const { receiver, subscription } = await subscribe();
    const world = await new CouncilWorld(system.gatewayUrl, "cmsc").setup(2);
    const minutes = await world.publishedMinutes("Ata da reunião: presentes Zelda Unmistakable e outros conselheiros.");
    const held = await world.heldMeeting();
    const adopt = (extra: Record<string, unknown> = {}) => ({ meetingId: held.id, summary: "Aprova o plano de ação", body: "Texto integral da resolução.", ...extra });
    const { adoptResolution } = await world.call(`mutation($i: AdoptResolutionInput!) { adoptResolution(input: $i) { resolution { id version } } }`, { i: adopt() });
    const { amendResolution } = await world.call(`mutation($i: ChangeResolutionInput!) { amendResolution(input: $i) { resolution { id version } } }`, {
      i: adopt({ resolutionId: adoptResolution.resolution.id, expectedVersion: adoptResolution.resolution.version, summary: "Altera o plano de ação" }),
    });
    await world.call(`mutation($i: ChangeResolutionInput!) { revokeResolution(input: $i) { resolution { id } } }`, {
      i: adopt({ resolutionId: amendResolution.resolution.id, expectedVersion: amendResolution.resolution.version, summary: "Revoga a alteração" }),
    });
    const convened = await world.convenedMeeting();
    const cancelled = convened.id;
    await world.call(`mutation($i: CancelMeetingInput!) { cancelMeeting(input: $i) { meeting { id } } }`, {
      i: { meetingId: cancelled, expectedVersion: convened.version, reason: "Ausência justificada de Zelda Unmistakable, relatora" },
    });
    const staff = await mintToken({ sub: "staff-webhooks-process", roles: ["STAFF"] });
    const { createProcess } = await call(`mutation($i: CreateProcessInput!) { createProcess(input: $i) { process { id version } } }`, {
      i: { kind: "PUBLIC_CONSULTATION", title: "Consulta sobre praças", description: "Consulta pública sobre as praças da sede.", status: "OPEN" },
    }, staff);
    await call(`mutation($i: UpdateProcessInput!) { updateProcess(input: $i) { process { id } } }`, {
      i: { id: createProcess.process.id, expectedVersion: createProcess.process.version, status: "CLOSED" },
    }, staff);

    const wire = ALL_TYPES.map((t) => t.toLowerCase().replace("_", "."));
    const got = await until("every event type", () => {
      const accepted = receiver.accepted();
      return wire.every((type) => accepted.some((r) => r.type === type)) && accepted;
    });
    expect(got.find((r) => r.type === "minutes.published")!.data).toMatchObject({ id: minutes.id, meeting: minutes.meetingId, council: world.councilId, gazetteEdition: 6000 });
    expect(got.find((r) => r.type === "resolution.revoked")!.data).toMatchObject({ id: amendResolution.resolution.id, status: "REVOKED" });
    expect(got.find((r) => r.type === "resolution.amended")!.data).toMatchObject({ id: adoptResolution.resolution.id, amendedBy: amendResolution.resolution.id });
    expect(got.find((r) => r.type === "meeting.cancelled")!.data).toMatchObject({ id: cancelled, status: "CANCELLED" });
    expect(got.find((r) => r.type === "process.results_published")!.data).toMatchObject({ id: createProcess.process.id, status: "CLOSED" });
    for (const event of got) {
      expect(event.id).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(Date.parse(event.timestamp)).toBeGreaterThan(Date.now() - 600_000);
      // Public data only: global ids, statuses, numbers, dates — never a name, a text, a reason or an actor.
      for (const value of Object.values(event.data)) expect(typeof value === "string" && value.length > 60).toBe(false);
      for (const needle of ["Zelda", "Unmistakable", "secretaria-", "staff-", "Conselheira", "Texto integral", "Ata da reunião", "Ausência"]) {
        expect({ type: event.type, found: event.raw.includes(needle) ? needle : null }).toEqual({ type: event.type, found: null });
      }
    }
    expect((await deliveries(subscription.id)).every((d) => d.status === "SUCCEEDED" && d.attempts >= 1 && d.deliveredAt && !d.nextAttemptAt)).toBe(true);
  }, 120_000);

  it("never delivers an event whose transaction rolled back", async () => {
    const { receiver } = await subscribe(["MEETING_SCHEDULED"]);
    await expect(
      system.subgraphs.meetings.orm.em.fork().transactional(async (em) => {
        await recordEvents(em as EntityManager, [{ type: "meeting.scheduled", data: { id: "rolled-back" } }]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const committed = await schedule("Depois do rollback");
    await until("the committed event", () => receiver.accepted().some((r) => r.data.id === committed.id));
    expect(receiver.received.filter((r) => r.data.id === "rolled-back")).toEqual([]);
    const [{ count }] = await system.subgraphs.meetings.orm.em.getConnection().execute(
      `select count(*)::int as count from "${system.subgraphs.meetings.database.schema}".webhook_outbox where payload->'data'->>'id' = 'rolled-back'`,
    );
    expect(count).toBe(0);
  });

  it("loses nothing when the worker is killed mid-delivery: the restarted worker delivers the event", async () => {
    const { receiver, subscription } = await subscribe(["MEETING_SCHEDULED"]);
    receiver.answer = () => "hung";
    const killed = new Promise<void>((resolve) => (receiver.onHang = () => void stopWorker("SIGKILL").then(resolve)));
    const meeting = await schedule("Reunião do worker interrompido");
    await killed;
    const hung = receiver.received.find((r) => r.data.id === meeting.id)!;
    expect(hung.answered).toBe("hung");
    receiver.answer = () => 200;
    startWorker();
    const delivered = await until("redelivery after the restart", () => receiver.accepted().find((r) => r.data.id === meeting.id));
    expect(delivered.id).toBe(hung.id); // the same webhook-id: the receiver can tell it is the same event
    await until("the delivery recorded as SUCCEEDED", async () => (await deliveries(subscription.id)).find((d) => d.eventId === hung.id && d.status === "SUCCEEDED"));
  }, 60_000);

  it("a receiver down for a while (refusing, then answering 503) gets every event afterwards", async () => {
    const { receiver, subscription } = await subscribe(["MEETING_SCHEDULED"], false);
    const scheduled = [await schedule("Fora do ar 1"), await schedule("Fora do ar 2"), await schedule("Fora do ar 3")];
    // Refused, retried with backoff: each delivery is RETRYING with its error and next attempt, visible to ADMIN.
    const failing = await until("three failed attempts each", async () => {
      const list = await deliveries(subscription.id);
      return list.length === 3 && list.every((d) => d.status === "RETRYING" && d.attempts >= 1) && list;
    });
    for (const d of failing) {
      expect(d.lastError).toMatch(/ECONNREFUSED|refused/i);
      expect(d.nextAttemptAt).not.toBeNull();
    }
    // Back up, but answering 503 to the first request it sees.
    let first = true;
    receiver.answer = () => (first ? ((first = false), 503) : 200);
    await receiver.listen(receiver.port);
    await until("all three events", () => scheduled.every((m) => receiver.accepted().some((r) => r.data.id === m.id)));
    const done = await until("all SUCCEEDED", async () => {
      const list = await deliveries(subscription.id);
      return list.every((d) => d.status === "SUCCEEDED") && list;
    });
    expect(done.every((d) => d.attempts >= 2 && d.lastError === null)).toBe(true);
  }, 60_000);

  it(`after ${MAX_ATTEMPTS} failed attempts a delivery is a dead letter ADMIN sees, with its attempts and last error, and can send again`, async () => {
    const { receiver, subscription } = await subscribe(["MEETING_SCHEDULED"]);
    receiver.answer = () => 503;
    const meeting = await schedule("Receptor quebrado");
    await until("a dead letter", async () => (await deliveries(subscription.id)).find((d) => d.status === "DEAD"));
    const { webhookDeliveries } = await call(`query($s: ID) { webhookDeliveries(subscriptionId: $s, status: DEAD) { eventType status attempts lastStatusCode lastError nextAttemptAt deliveredAt } }`, { s: subscription.id });
    expect(webhookDeliveries).toEqual([
      { eventType: "MEETING_SCHEDULED", status: "DEAD", attempts: MAX_ATTEMPTS, lastStatusCode: 503, lastError: "HTTP 503", nextAttemptAt: null, deliveredAt: null },
    ]);
    const attempts = receiver.received.filter((r) => r.data.id === meeting.id);
    expect(attempts).toHaveLength(MAX_ATTEMPTS);
    expect(new Set(attempts.map((a) => a.id)).size).toBe(1);
    // The receiver is fixed: ADMIN sends the dead letters again, and they arrive, with the same event id.
    receiver.answer = () => 200;
    const { redeliverWebhookDeliveries } = await call(`mutation($i: RedeliverWebhookDeliveriesInput!) { redeliverWebhookDeliveries(input: $i) { requeued } }`, {
      i: { subscriptionId: subscription.id },
    });
    expect(redeliverWebhookDeliveries.requeued).toBe(1);
    const redelivered = await until("the redelivered dead letter", () => receiver.accepted().find((r) => r.data.id === meeting.id));
    expect(redelivered.id).toBe(attempts[0].id);
    await until("SUCCEEDED", async () => (await deliveries(subscription.id)).find((d) => d.status === "SUCCEEDED" && d.attempts === 1));
  }, 60_000);

  it("a rotated secret: during the overlap every delivery carries both signatures; with no overlap only the new one", async () => {
    const { receiver, subscription, secret: first, useSecret } = await subscribe(["MEETING_SCHEDULED"]);
    const rotate = async (expectedVersion: number, overlapHours?: number) =>
      (
        await call(`mutation($i: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $i) { secret subscription { version previousSecretExpiresAt } } }`, {
          i: { subscriptionId: subscription.id, expectedVersion, ...(overlapHours === undefined ? {} : { overlapHours }) },
        })
      ).rotateWebhookSecret as { secret: string; subscription: { version: number; previousSecretExpiresAt: string | null } };
    for (const overlapHours of [-1, 169, 1.5]) {
      const res = await gql(system.gatewayUrl, `mutation($i: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $i) { secret } }`, {
        i: { subscriptionId: subscription.id, expectedVersion: subscription.version, overlapHours },
      }, { token: admin });
      expect({ overlapHours, code: res.errors?.[0]?.extensions?.code }).toEqual({ overlapHours, code: "BAD_USER_INPUT" });
    }
    const second = await rotate(subscription.version);
    expect(second.secret).toMatch(/^whsec_/);
    expect(second.secret).not.toBe(first);
    // The default overlap is a day.
    expect(Math.abs(Date.parse(second.subscription.previousSecretExpiresAt!) - (Date.now() + 24 * 3_600_000))).toBeLessThan(60_000);
    // The receiver still verifies with the first secret (the test's Receiver throws on a bad signature); the new one verifies too.
    const during = await schedule("Durante a troca de segredo");
    const signedTwice = await until("the event signed by both secrets", () => receiver.accepted().find((r) => r.data.id === during.id));
    expect(signedTwice.headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(new Webhook(second.secret).verify(signedTwice.raw, signedTwice.headers)).toMatchObject({ type: "meeting.scheduled" });

    // Now with no overlap: only the newest secret signs, the previous ones no longer verify.
    const third = await rotate(second.subscription.version, 0);
    expect(third.subscription.previousSecretExpiresAt).toBeNull();
    useSecret(third.secret);
    const after = await schedule("Depois da troca de segredo");
    const signedOnce = await until("the event signed by the newest secret", () => receiver.accepted().find((r) => r.data.id === after.id));
    expect(signedOnce.headers["webhook-signature"].split(" ")).toHaveLength(1);
    for (const old of [first, second.secret]) expect(() => new Webhook(old).verify(signedOnce.raw, signedOnce.headers)).toThrow();
    const { auditTrail } = await call(`query($id: ID) { auditTrail(filter: { entityType: "WebhookSubscription", entityId: $id }) { edges { node { action } } } }`, { id: subscription.id });
    expect(auditTrail.edges.filter((e: { node: { action: string } }) => e.node.action === "webhook-subscription.rotate-secret")).toHaveLength(2);
    // The secrets are in no audit entry.
    const entries = await system.subgraphs.councils.orm.em.getConnection().execute(
      `select * from "${system.subgraphs.councils.database.auditSchema}".audit_entry where entity_type = 'WebhookSubscription' and entity_id = ?`,
      [Number(subscription.id)],
    );
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const secret of [first, second.secret, third.secret]) expect(JSON.stringify(entries)).not.toContain(secret.slice(6));
  }, 60_000);

  it("ADMIN sends chosen deliveries again, also ones the receiver accepted; ids of another subscription are refused", async () => {
    const { receiver, subscription } = await subscribe(["MEETING_SCHEDULED"]);
    const other = await subscribe(["MEETING_SCHEDULED"]);
    const meeting = await schedule("Entregue, e perdida pelo receptor");
    const delivered = await until("SUCCEEDED", async () => (await deliveries(subscription.id)).find((d) => d.status === "SUCCEEDED"));
    const otherDelivery = await until("the other's delivery", async () => (await deliveries(other.subscription.id))[0]);
    const redeliver = (deliveryIds: string[]) =>
      gql(system.gatewayUrl, `mutation($i: RedeliverWebhookDeliveriesInput!) { redeliverWebhookDeliveries(input: $i) { requeued } }`, {
        i: { subscriptionId: subscription.id, deliveryIds },
      }, { token: admin });
    for (const ids of [[otherDelivery.id], [], ["x"], Array.from({ length: 101 }, (_, i) => String(i + 1))]) {
      expect((await redeliver(ids)).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    expect((await redeliver([delivered.id, delivered.id])).data?.redeliverWebhookDeliveries.requeued).toBe(1);
    await until("the event received twice", () => receiver.accepted().length === 1 && receiver.received.filter((r) => r.data.id === meeting.id && r.answered === 200).length === 2);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1); // the same webhook-id both times
  }, 60_000);
});
