import { Loaders, createLogger, write, type RequestContext } from "@contagem/schema";
import { adminToken, codesOf, gql, mintToken, startSubgraph, type RunningSubgraph } from "@contagem/testkit";
import { CouncilEntity } from "./councils/council.entity";
import { CouncilKind } from "./councils/council.enums";
import { councils } from "./definition";

/** The shared write mechanism, seen through the councils subgraph: transaction, audit, idempotency, versions. */
let subgraph: RunningSubgraph;
let admin: string;
beforeAll(async () => {
  subgraph = await startSubgraph(councils);
  admin = await adminToken();
});
afterAll(() => subgraph.stop());

const CREATE = `mutation($input: CreateCouncilInput!) { createCouncil(input: $input) { council { id slug name version } } }`;
const UPDATE = `mutation($input: UpdateCouncilInput!) { updateCouncil(input: $input) { council { id notes version } } }`;
const sql = <T extends object = any>(query: string, params: unknown[] = []) => subgraph.orm.em.getConnection().execute<T>(query, params as any[]);
const audit = () => `"${subgraph.database.auditSchema}".audit_entry`;
const councilCount = async () => (await sql<{ n: number }[]>(`select count(*)::int as n from "${subgraph.database.schema}".council`))[0].n;
const auditCount = async () => (await sql<{ n: number }[]>(`select count(*)::int as n from ${audit()}`))[0].n;

describe("idempotency keys", () => {
  it("replayed 20 times in sequence: one council, one audit entry, 20 identical payloads", async () => {
    const before = await councilCount();
    const input = { name: "Conselho Idempotente Sequencial", kind: "FORUM", idempotencyKey: "seq-key-1" };
    const payloads = [];
    for (let i = 0; i < 20; i++) payloads.push(await gql(subgraph.url, CREATE, { input }, { token: admin }));
    expect(payloads.every((p) => p.errors === undefined)).toBe(true);
    expect(new Set(payloads.map((p) => JSON.stringify(p.data))).size).toBe(1);
    expect(await councilCount()).toBe(before + 1);
    const entries = await sql(`select * from ${audit()} where idempotency_key = 'seq-key-1'`);
    expect(entries).toHaveLength(1);
  });

  it("replayed 20 times concurrently: one effect and 20 identical payloads", async () => {
    const before = await councilCount();
    const input = { name: "Conselho Idempotente Concorrente", kind: "FORUM", idempotencyKey: "concurrent-key-1" };
    const payloads = await Promise.all(Array.from({ length: 20 }, () => gql(subgraph.url, CREATE, { input }, { token: admin })));
    expect(payloads.map((p) => codesOf(p))).toEqual(Array.from({ length: 20 }, () => []));
    expect(new Set(payloads.map((p) => JSON.stringify(p.data))).size).toBe(1);
    expect(await councilCount()).toBe(before + 1);
    expect(await sql(`select * from ${audit()} where idempotency_key = 'concurrent-key-1'`)).toHaveLength(1);
  });

  it("refuses the same key with a different input, and keys longer than 255 characters", async () => {
    const first = await gql(subgraph.url, CREATE, { input: { name: "Conselho Chave Um", kind: "FORUM", idempotencyKey: "reused" } }, { token: admin });
    expect(first.errors).toBeUndefined();
    const reused = await gql(subgraph.url, CREATE, { input: { name: "Conselho Chave Dois", kind: "FORUM", idempotencyKey: "reused" } }, { token: admin });
    expect(codesOf(reused)).toEqual(["IDEMPOTENCY_KEY_REUSED"]);
    const long = await gql(subgraph.url, CREATE, { input: { name: "Conselho Chave Longa", kind: "FORUM", idempotencyKey: "k".repeat(256) } }, { token: admin });
    expect(codesOf(long)).toEqual(["BAD_USER_INPUT"]);
    expect(long.errors![0].extensions!.field).toBe("idempotencyKey");
  });

  it("scopes keys to their actor: another admin's same key is a new request", async () => {
    const other = await mintToken({ sub: "admin-2", roles: ["ADMIN"] });
    const mine = await gql(subgraph.url, CREATE, { input: { name: "Conselho do Primeiro", kind: "FORUM", idempotencyKey: "shared-key" } }, { token: admin });
    const theirs = await gql(subgraph.url, CREATE, { input: { name: "Conselho do Segundo", kind: "FORUM", idempotencyKey: "shared-key" } }, { token: other });
    expect(mine.data.createCouncil.council.id).not.toBe(theirs.data.createCouncil.council.id);
  });

  it("sweeps expired keys as it goes, and never one still valid", async () => {
    const table = `"${subgraph.database.schema}".idempotency_key`;
    await sql(`insert into ${table} (actor_sub, key, action, request_hash, entity_type, entity_id, expires_at)
      values ('someone', 'expired-key', 'council.create', repeat('0', 64), 'Council', 1, now() - interval '1 day')`);
    const input = { name: "Conselho das Chaves Varridas", kind: "FORUM", idempotencyKey: "sweep-key" };
    for (let i = 0; i < 100; i++) await gql(subgraph.url, CREATE, { input }, { token: admin });
    expect(await sql(`select key from ${table} where key = 'expired-key'`)).toEqual([]);
    expect(await sql(`select key from ${table} where key = 'sweep-key'`)).toEqual([{ key: "sweep-key" }]);
  });

  it("keeps keys at least 24 hours", async () => {
    const [row] = await sql<{ hours: number }[]>(
      `select extract(epoch from expires_at - created_at) / 3600 as hours from "${subgraph.database.schema}".idempotency_key limit 1`,
    );
    expect(Number(row.hours)).toBeGreaterThanOrEqual(24);
  });
});

describe("optimistic locking", () => {
  it("lets exactly one of two concurrent updates with the same expectedVersion succeed", async () => {
    const created = await gql(subgraph.url, CREATE, { input: { name: "Conselho Disputado", kind: "FORUM" } }, { token: admin });
    const { id, version } = created.data.createCouncil.council;
    const results = await Promise.all(
      ["primeira", "segunda"].map((notes) => gql(subgraph.url, UPDATE, { input: { id, expectedVersion: version, notes } }, { token: admin })),
    );
    const outcomes = results.map((r) => (r.errors ? codesOf(r).join() : "ok")).sort();
    expect(outcomes).toEqual(["CONFLICT", "ok"]);
    const winner = results.find((r) => !r.errors)!.data.updateCouncil.council;
    const read = await gql(subgraph.url, `query($id: ID) { council(id: $id) { notes version } }`, { id });
    expect(read.data.council).toEqual({ notes: winner.notes, version: version + 1 });
  });
});

describe("transactions and the audit log", () => {
  const context = (): RequestContext => {
    const ctx: RequestContext = {
      requestId: "fault-test",
      viewer: { sub: "admin-1", roles: ["ADMIN"], councils: [] },
      readsFrom: "primary",
      em: subgraph.orm.em.fork(),
      loaders: new Loaders(),
      log: createLogger("test", "silent"),
      subgraph: "councils",
      auditSchema: subgraph.database.auditSchema,
      peers: {},
      settings: {},
    };
    ctx.loaders.bind(ctx);
    return ctx;
  };

  it("leaves no rows and no audit entry when a mutation fails after its first write", async () => {
    const [councilsBefore, auditBefore] = [await councilCount(), await auditCount()];
    const attempt = write(context(), {
      action: "council.create",
      entityType: "Council",
      entity: CouncilEntity,
      input: {},
      allow: () => true,
      run: async (em) => {
        const council = em.create(CouncilEntity, { slug: "conselho-que-falha", name: "Conselho que Falha", kind: CouncilKind.FORUM, searchText: "" } as never);
        await em.flush(); // the first write reaches the database…
        expect(await em.count(CouncilEntity, { slug: "conselho-que-falha" })).toBe(1);
        throw new Error("fault after the first write"); // …and then the use case fails
        return council;
      },
    });
    await expect(attempt).rejects.toThrow("fault after the first write");
    expect(await councilCount()).toBe(councilsBefore);
    expect(await auditCount()).toBe(auditBefore);
  });

  it("records who did what to which record, with hashes of before and after", async () => {
    const created = await gql(subgraph.url, CREATE, { input: { name: "Conselho Auditado", kind: "FORUM" } }, { token: admin, headers: { "x-request-id": "audit-req-1" } });
    const { id, version } = created.data.createCouncil.council;
    await gql(subgraph.url, UPDATE, { input: { id, expectedVersion: version, notes: "alterado" } }, { token: admin });
    const trail = await gql(
      subgraph.url,
      `query($id: ID) { auditTrail(filter: { entityType: "Council", entityId: $id }) { totalCount edges { node {
          subgraph actor actorRoles councilId action entityType entityId beforeHash afterHash requestId } } } }`,
      { id },
      { token: admin },
    );
    expect(trail.errors).toBeUndefined();
    expect(trail.data.auditTrail.totalCount).toBe(2);
    const [update, create] = trail.data.auditTrail.edges.map((e: any) => e.node);
    expect(create).toMatchObject({ subgraph: "councils", actor: "admin-1", actorRoles: ["ADMIN"], action: "council.create", entityType: "Council", entityId: id, beforeHash: null, requestId: "audit-req-1" });
    expect(update).toMatchObject({ action: "council.update", councilId: id, beforeHash: create.afterHash });
    expect(update.afterHash).toMatch(/^[0-9a-f]{64}$/);
    expect(update.afterHash).not.toBe(update.beforeHash);
  });

  it("refuses a raw UPDATE, DELETE or TRUNCATE of the audit log", async () => {
    const before = await auditCount();
    expect(before).toBeGreaterThan(0);
    await expect(sql(`update ${audit()} set actor_sub = 'someone-else'`)).rejects.toThrow(/append-only/);
    await expect(sql(`delete from ${audit()}`)).rejects.toThrow(/append-only/);
    await expect(sql(`truncate ${audit()}`)).rejects.toThrow(/append-only/);
    expect(await auditCount()).toBe(before);
  });
});
