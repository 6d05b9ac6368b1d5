/**
 * The stand-in Decidim API over HTTP: `POST /api` with `{ query, variables, operationName }` as JSON, answered 200 with
 * `{ data, errors }` like Decidim's QueriesController (GraphQL errors included), after graphql-ruby's checks: the
 * document's validity, then Decidim's depth (15) and complexity (5000) limits (limits.ts). Everything else answers 404.
 *
 * Control for tests (in-process): the `store` (change/hide/withdraw/delete/add records), `failNext` (the next N `/api`
 * requests get a 429 with Retry-After, a 5xx, a delay or a connection reset), and the request log. Run standalone, the
 * same control is at `/__standin/…` only when started with `admin: true` (off by default):
 *   GET    /__standin/requests            the request log          DELETE /__standin/requests   clear it
 *   POST   /__standin/faults              { count, fault }         DELETE /__standin/faults     clear them
 *   POST   /__standin/records/:kind       { row } add              PATCH  /__standin/records/:kind/:id  { patch }
 *   POST   /__standin/records/:kind/:id/(hide|unhide|withdraw|publish|unpublish)    DELETE /__standin/records/:kind/:id
 *   POST   /__standin/reset               back to the fixture      GET    /__standin/data       the raw store
 * Errors: 400 `{ error }` on a bad body or action, 404 on an unknown record.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { execute, GraphQLError, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import { decidimLimitErrors } from "./limits";
import { decideContagemFixture } from "./fixture";
import { standinSchema } from "./schema";
import { DecidimStore, StandinNotFound, type RecordKind, type SpaceKind, type StandinData } from "./store";

/** What the next `/api` request(s) suffer. */
export type StandinFault =
  /** An HTTP error answer; `retryAfter` (seconds or an HTTP date) is sent as Retry-After. */
  | { kind: "status"; status: number; retryAfter?: number | string }
  /** The request is held `ms` before it is answered normally. */
  | { kind: "delay"; ms: number }
  /** The connection is destroyed without an answer. */
  | { kind: "reset" }
  /** 200 with a body that is not JSON (a proxy's error page). */
  | { kind: "garbage" };

export interface StandinRequest {
  at: string;
  method: string;
  path: string;
  status: number | "reset";
  operationName: string | null;
  variables: Record<string, unknown> | null;
  fault: StandinFault["kind"] | null;
  ms: number;
}

export interface StandinOptions {
  /** Initial data; the Decide Contagem fixture by default. */
  data?: StandinData;
  /** Serve the `/__standin` control path (default false). */
  admin?: boolean;
}

const RECORD_KINDS: RecordKind[] = ["space", "component", "proposal", "budget", "project", "result", "meeting"];
const MAX_BODY = 1 << 20;

/** A stand-in Decidim instance. `start()` listens on 127.0.0.1 (ephemeral port unless given). */
export class DecidimStandin {
  store: DecidimStore;
  readonly requests: StandinRequest[] = [];
  private readonly schema: GraphQLSchema = standinSchema();
  private faults: { fault: StandinFault; remaining: number }[] = [];
  private server: Server | null = null;
  private readonly initial: StandinData;
  private readonly admin: boolean;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(options: StandinOptions = {}) {
    this.initial = options.data ?? decideContagemFixture();
    this.store = new DecidimStore(this.initial);
    this.admin = options.admin ?? false;
  }

  /** The next `count` `/api` requests suffer `fault` (queued after faults already pending). */
  failNext(count: number, fault: StandinFault): void {
    if (!Number.isInteger(count) || count < 1) throw new Error("count must be a positive integer");
    this.faults.push({ fault: structuredClone(fault), remaining: count });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Back to the initial data, no faults, empty log. */
  reset(): void {
    this.store = new DecidimStore(this.initial);
    this.clearFaults();
    this.requests.length = 0;
  }

  /** `/api` requests only (the log holds admin calls too). */
  apiRequests(): StandinRequest[] {
    return this.requests.filter((r) => r.path === "/api");
  }

  /** Runs a query in-process as `/api` does (validation, limits, execution), without HTTP or faults. */
  async execute(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<ExecutionResult> {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      return { errors: [error as GraphQLError] };
    }
    const invalid = validate(this.schema, document);
    if (invalid.length > 0) return { errors: invalid };
    const over = decidimLimitErrors(this.schema, document, variables ?? {}, operationName);
    if (over.length > 0) return { errors: over.map((message) => new GraphQLError(message)) };
    return execute({
      schema: this.schema,
      document,
      variableValues: variables,
      operationName,
      contextValue: { store: this.store },
    });
  }

  async start(port = 0, host = "127.0.0.1"): Promise<{ url: string; apiUrl: string }> {
    if (this.server) throw new Error("already started");
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    return { url: this.url(), apiUrl: `${this.url()}/api` };
  }

  url(): string {
    if (!this.server) throw new Error("not started");
    const { address, port } = this.server.address() as AddressInfo;
    return `http://${address.includes(":") ? `[${address}]` : address}:${port}`;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private takeFault(): StandinFault | null {
    const next = this.faults[0];
    if (!next) return null;
    if (--next.remaining <= 0) this.faults.shift();
    return next.fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const path = (req.url ?? "/").split("?")[0];
    const entry: StandinRequest = {
      at: new Date().toISOString(),
      method: req.method ?? "GET",
      path,
      status: 0,
      operationName: null,
      variables: null,
      fault: null,
      ms: 0,
    };
    this.requests.push(entry);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      entry.ms = Date.now() - started;
      if (res.destroyed) return;
      const text = typeof body === "string" ? body : JSON.stringify(body);
      res.writeHead(status, {
        "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8",
        ...headers,
      });
      res.end(text);
    };
    try {
      const raw = await readBody(req);
      if (this.admin && path.startsWith("/__standin/")) return this.handleAdmin(entry.method, path, raw, send);
      if (path !== "/api") return send(404, { error: "not found" });
      if (entry.method !== "POST") return send(404, { error: "not found" });

      let body: { query?: unknown; variables?: unknown; operationName?: unknown };
      try {
        body = JSON.parse(raw || "{}");
      } catch {
        return send(400, { error: "body is not JSON" });
      }
      entry.operationName = typeof body.operationName === "string" ? body.operationName : null;
      entry.variables = body.variables && typeof body.variables === "object" ? (body.variables as Record<string, unknown>) : null;

      const fault = this.takeFault();
      entry.fault = fault?.kind ?? null;
      if (fault?.kind === "reset") {
        entry.status = "reset";
        req.socket.destroy();
        return;
      }
      if (fault?.kind === "status") {
        const headers: Record<string, string> = fault.retryAfter != null ? { "retry-after": String(fault.retryAfter) } : {};
        return send(fault.status, fault.status === 429 ? "Retry later\n" : `Error ${fault.status}\n`, headers);
      }
      if (fault?.kind === "garbage") return send(200, "<html><body>Bad gateway</body></html>");
      if (fault?.kind === "delay") {
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            this.timers.delete(t);
            resolve();
          }, fault.ms);
          this.timers.add(t);
        });
        if (res.destroyed || !this.server) return;
      }
      if (typeof body.query !== "string") return send(200, { errors: [{ message: "No query string was present" }] });
      return send(200, await this.execute(body.query, entry.variables ?? undefined, entry.operationName ?? undefined));
    } catch (error) {
      if (error instanceof StandinNotFound) return send(404, { error: error.message });
      return send(400, { error: error instanceof Error ? error.message : String(error) });
    }
  }

  private handleAdmin(
    method: string,
    path: string,
    raw: string,
    send: (status: number, body: unknown) => void,
  ): void {
    const body = raw ? JSON.parse(raw) : {};
    const parts = path.split("/").filter(Boolean).slice(1); // after "__standin"
    const [what, kindRaw, idRaw, action] = parts;
    if (what === "requests" && method === "GET") return send(200, this.requests);
    if (what === "requests" && method === "DELETE") {
      this.requests.length = 0;
      return send(200, { ok: true });
    }
    if (what === "faults" && method === "POST") {
      this.failNext(Number(body.count), body.fault as StandinFault);
      return send(200, { ok: true });
    }
    if (what === "faults" && method === "DELETE") {
      this.clearFaults();
      return send(200, { ok: true });
    }
    if (what === "reset" && method === "POST") {
      this.reset();
      return send(200, { ok: true });
    }
    if (what === "data" && method === "GET") return send(200, this.store.data);
    if (what !== "records" || !RECORD_KINDS.includes(kindRaw as RecordKind)) return send(400, { error: "unknown action" });
    const kind = kindRaw as RecordKind;
    const spaceKind = body.spaceKind as SpaceKind | undefined;
    if (idRaw === undefined && method === "POST") return send(200, this.store.add(kind, body.row));
    const id = Number(idRaw);
    if (!Number.isInteger(id)) return send(400, { error: "bad id" });
    if (action === undefined && method === "PATCH") return send(200, this.store.update(kind, id, body.patch ?? {}, spaceKind));
    if (action === undefined && method === "DELETE") {
      this.store.delete(kind, id, spaceKind);
      return send(200, { ok: true });
    }
    if (method === "POST" && (kind === "proposal" || kind === "meeting")) {
      if (action === "hide" || action === "unhide") {
        this.store.hide(kind, id, action === "hide");
        return send(200, { ok: true });
      }
      if (action === "withdraw") {
        this.store.withdraw(kind, id);
        return send(200, { ok: true });
      }
    }
    if (method === "POST" && (kind === "space" || kind === "component") && (action === "publish" || action === "unpublish")) {
      this.store.publish(kind, id, action === "publish", spaceKind);
      return send(200, { ok: true });
    }
    return send(400, { error: "unknown action" });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
