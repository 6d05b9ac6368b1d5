import type { EntityManager } from "@mikro-orm/postgresql";
import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";
import { type Viewer, type Logger } from "@contagem/common";

/** What every resolver receives: one per request, never shared between requests. */
export interface RequestContext {
  requestId: string;
  /** Verified token claims; null for anonymous requests. */
  viewer: Viewer | null;
  /**
   * Which database the request reads: the read replica (DATABASE_READ_URL, when there is one) for anonymous
   * requests, the primary for every other. Writes always go to the primary: only authenticated requests write, and
   * they read there too, so that they see their own writes at once.
   */
  readsFrom: "primary" | "replica";
  /** A fork of the ORM's EntityManager (the primary's or the replica's, see readsFrom): its identity map lives as long as the request. */
  em: EntityManager;
  loaders: Loaders;
  log: Logger;
  /** The subgraph serving the request, as recorded in audit entries. */
  subgraph: string;
  /** The shared audit log's PostgreSQL schema. */
  auditSchema: string;
  /** GraphQL URLs of the other subgraphs this one asks for facts (e.g. meetings asks councils for rules). */
  peers: Record<string, string>;
  /** Secrets and settings the subgraph declared (e.g. the key that pseudonymises personal data). */
  settings: Record<string, string>;
}

/**
 * The header by which a subgraph asking a peer for facts on behalf of a request that reads the primary (a write's
 * `prepare`, an authenticated read) asks the peer to read the primary too: facts just written are not yet on the
 * replica. It only chooses the database, never what may be seen; the gateway does not forward it from clients.
 */
export const READ_PRIMARY_HEADER = "x-read-primary";

/** Per-request DataLoaders, created on first use; a factory function is the loader's identity. */
export class Loaders {
  private readonly made = new Map<unknown, unknown>();
  private ctx?: RequestContext;

  bind(ctx: RequestContext): this {
    this.ctx = ctx;
    return this;
  }

  get<T>(factory: (ctx: RequestContext) => T): T {
    return this.keyed(factory, factory);
  }

  /** A loader per key, for loaders that depend on arguments (page size, filters): equal arguments share one. */
  keyed<T>(key: unknown, factory: (ctx: RequestContext) => T): T {
    let loader = this.made.get(key) as T | undefined;
    if (loader === undefined) {
      if (!this.ctx) throw new Error("Loaders used before the request context was built.");
      loader = factory(this.ctx);
      this.made.set(key, loader);
    }
    return loader;
  }
}

const requestScope = new AsyncLocalStorage<{ requestId: string; res?: ServerResponse }>();

/** Runs `fn` in the request's scope: its id (for logs and errors) and its response (for its access-log record). */
export const runWithRequestId = <T>(requestId: string, fn: () => T, res?: ServerResponse): T => requestScope.run({ requestId, res }, fn);
export const currentRequestId = (): string | undefined => requestScope.getStore()?.requestId;
export const currentResponse = (): ServerResponse | undefined => requestScope.getStore()?.res;
