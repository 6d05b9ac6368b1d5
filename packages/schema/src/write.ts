import { LockMode, wrap } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { createHash } from "node:crypto";
import { auditActor } from "./audit";
import { type Viewer, AppError, ErrorCode, badInput, conflict, forbidden, notFound, unauthenticated } from "@contagem/common";
import type { RequestContext } from "./context";
import { translateDatabaseError } from "./database-errors";
import { parseId } from "./node";
import type { CouncilRef } from "./policy";
import { recordEvents, type OutboxEvent } from "./outbox";

/** How long a replayed idempotency key returns the first result (at least 24 h, as promised to clients). */
export const IDEMPOTENCY_TTL_HOURS = 48;
const MAX_KEY_LENGTH = 255;
const SWEEP_EVERY = 100;
let claims = 0;

type Versioned = { id: number; version: number };

/** What a write is about, found before anything is changed. */
export interface Located<R> {
  /** The existing record an update or transition acts on. */
  record?: R;
  /** The council the write concerns: policies decide from it, and the audit entry records it. */
  council?: CouncilRef | null;
}

export interface WriteRequest<T extends { id: number }, R extends Versioned = never, P = undefined> {
  /** What is done, e.g. `council.update`; names the audit entry. */
  action: string;
  /** The GraphQL type of the record written, e.g. `Council`. */
  entityType: string;
  /** The mutation's input: its hash tells a replay from a reused idempotency key. */
  input: { idempotencyKey?: string | null; expectedVersion?: number | null } & object;
  /**
   * Facts from other subgraphs the write needs (a council's rules, a term's seats), fetched before the transaction
   * opens: nothing may wait on another service while a transaction holds the database.
   */
  prepare?: () => Promise<P>;
  /** A check that needs no record (the actor's role), made before anything is read: deny early. */
  gate?: (viewer: Viewer) => boolean;
  /**
   * Loads the record and the council the write concerns, inside the transaction. A record the viewer may not see is
   * NOT_FOUND here, as a missing one (loadForWrite's `visible`), before `allow` can answer FORBIDDEN.
   */
  locate?: (em: EntityManager, prepared: P) => Promise<Located<R>>;
  /** The feature's policy (a pure function from its `*.policy.ts`): deny by default. */
  allow: (viewer: Viewer, located: Located<R>) => boolean;
  /** Why the policy said no, for the FORBIDDEN message. */
  denied?: string;
  /** The use case: changes and returns the entity written; the mechanism flushes, audits and commits. */
  run: (em: EntityManager, located: Located<R>, prepared: P) => Promise<T>;
  /** Where the entity of a replayed key is loaded from. */
  entity: new () => T;
  /**
   * The webhook events the change announces (after `run`, with ids assigned): written to the subgraph's outbox in
   * the same transaction, so an event exists exactly when its change committed. A replayed key announces nothing.
   */
  events?: (entity: T, located: Located<R>) => OutboxEvent[];
}

/**
 * Every mutation of every subgraph goes through here, in one transaction: authentication, the idempotency key,
 * the policy on the located record, the optimistic-locking version, the change itself, and an audit entry —
 * committed together or not at all.
 */
export async function write<T extends { id: number }, R extends Versioned = never, P = undefined>(
  ctx: RequestContext,
  request: WriteRequest<T, R, P>,
): Promise<T> {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated("Mutations need a bearer token.");
  if (request.gate && !request.gate(viewer)) throw forbidden(request.denied);
  const key = request.input.idempotencyKey ?? null;
  if (key !== null && (key.length === 0 || key.length > MAX_KEY_LENGTH)) {
    throw badInput("idempotencyKey", `"idempotencyKey" must have 1 to ${MAX_KEY_LENGTH} characters.`);
  }
  const requestHash = sha256(canonicalJson({ action: request.action, input: { ...request.input, idempotencyKey: undefined } }));
  const prepared = (request.prepare ? await request.prepare() : undefined) as P;
  try {
    return await ctx.em.transactional(async (tx) => {
      const em = tx as EntityManager;
      if (key !== null) {
        const replay = await claimKey(em, viewer.sub, key, request.action, requestHash);
        if (replay) {
          const entity = await em.findOne(request.entity, { id: replay } as never);
          if (!entity) throw conflict("The result of this idempotency key no longer exists.");
          return entity as T;
        }
      }
      const located = request.locate ? await request.locate(em, prepared) : {};
      if (!request.allow(viewer, located)) throw forbidden(request.denied);
      const record = located.record;
      const expected = request.input.expectedVersion;
      if (record && expected != null && record.version !== expected) {
        throw conflict(`${request.entityType} ${record.id} is at version ${record.version}, not ${expected}: read it again.`, {
          currentVersion: record.version,
        });
      }
      const before = record ? snapshotHash(em, record) : null;
      const entity = await request.run(em, located, prepared);
      await em.flush();
      await em.execute(
        `insert into "${ctx.auditSchema}".audit_entry
          (subgraph, actor_sub, actor_roles, council_id, action, entity_type, entity_id, before_hash, after_hash, request_id, idempotency_key)
         values (?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          ctx.subgraph,
          auditActor(ctx, viewer),
          `{${viewer.roles.join(",")}}`,
          located.council?.id ?? null,
          request.action,
          request.entityType,
          entity.id,
          before,
          snapshotHash(em, entity),
          ctx.requestId,
          key,
        ],
      );
      if (request.events) await recordEvents(em, request.events(entity, located));
      if (key !== null) {
        await em.execute(
          `update "${schemaOf(em)}".idempotency_key set entity_type = ?, entity_id = ? where actor_sub = ? and key = ?`,
          [request.entityType, entity.id, viewer.sub, key],
        );
      }
      return entity;
    });
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

/**
 * Claims the key for this request, or returns the id of the first result. A concurrent duplicate waits for the first
 * to commit (PostgreSQL's unique-index wait) and then replays it; one that waits too long gets CONFLICT.
 */
async function claimKey(em: EntityManager, actor: string, key: string, action: string, hash: string): Promise<number | null> {
  const schema = schemaOf(em);
  // Expired keys are swept a few at a time, every so many claims: the table stays small with no job to run.
  if (++claims % SWEEP_EVERY === 0) {
    await em.execute(
      `delete from "${schema}".idempotency_key where ctid in
         (select ctid from "${schema}".idempotency_key where expires_at < now() limit 500)`,
    );
  }
  await em.execute(`set local lock_timeout = '15s'`);
  const claimed = await em.execute<{ key: string }[]>(
    `insert into "${schema}".idempotency_key (actor_sub, key, action, request_hash, expires_at)
     values (?, ?, ?, ?, now() + interval '${IDEMPOTENCY_TTL_HOURS} hours')
     on conflict (actor_sub, key) do update set
       action = excluded.action, request_hash = excluded.request_hash, entity_type = null, entity_id = null,
       created_at = now(), expires_at = excluded.expires_at
       where "${schema}".idempotency_key.expires_at < now()
     returning key`,
    [actor, key, action, hash],
  );
  if (claimed.length) return null;
  const [first] = await em.execute<{ request_hash: string; entity_id: number | null }[]>(
    `select request_hash, entity_id from "${schema}".idempotency_key where actor_sub = ? and key = ?`,
    [actor, key],
  );
  if (first.request_hash !== hash) {
    throw new AppError(ErrorCode.IDEMPOTENCY_KEY_REUSED, "This idempotency key was used with a different request.");
  }
  if (first.entity_id === null) throw conflict("A request with this idempotency key is still in progress.");
  return first.entity_id;
}

const schemaOf = (em: EntityManager) => em.config.get("schema")!;

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** JSON with sorted keys and without null or absent members, so equal values always hash alike. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x != null).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * The hash of a record's stored values (lazy columns aside): the audit trail proves what changed without copying
 * the data. A record freshly written and the same record read back hash alike.
 */
function snapshotHash(em: EntityManager, entity: object): string {
  const lazy = em.getMetadata().find(entity.constructor.name)?.props.filter((p) => p.lazy).map((p) => p.name) ?? [];
  const values = wrap(entity).toPOJO() as Record<string, unknown>;
  for (const name of lazy) delete values[name];
  return sha256(canonicalJson(values));
}

/**
 * Loads the record a mutation acts on by the id in its input, fresh and locked for the transaction (concurrent
 * writers of one record queue, and the later one sees the earlier one's version), or NOT_FOUND.
 *
 * `visible` is the record type's visibility rule, the one its reads apply: a record the viewer may not see is
 * answered exactly as one that does not exist, word for word. FORBIDDEN comes later, from the write's policy, and
 * only for records the viewer can see: were it answered for a hidden record, the difference would tell that the
 * record exists (an existence oracle).
 */
export async function loadForWrite<R extends object>(
  em: EntityManager,
  entity: new () => R,
  id: string,
  what: string,
  field = "id",
  visible: (record: R) => boolean = () => true,
): Promise<R> {
  const record = (await em.findOne(entity, { id: parseId(id, field) } as never, {
    refresh: true,
    lockMode: LockMode.PESSIMISTIC_WRITE,
  } as never)) as R | null;
  if (!record || !visible(record)) throw notFound(what, id);
  return record;
}

/** Loads the record an input field names, or fails with BAD_USER_INPUT naming that field. */
export async function findOrBadInput<T extends object>(
  em: EntityManager,
  entity: new () => T,
  id: string,
  field: string,
): Promise<T> {
  const found = await em.findOne(entity, { id: parseId(id, field) } as never);
  if (!found) throw badInput(field, `"${field}": no record with id ${JSON.stringify(id)}.`);
  return found as T;
}
