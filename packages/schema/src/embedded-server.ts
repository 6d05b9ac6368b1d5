import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler } from "@electric-sql/pglite-socket";
import { createServer, type Server, type Socket } from "node:net";

/** What the server uses of PGlite (by shape: its ESM and CJS declarations are distinct classes). */
type Engine = Pick<PGlite, "runExclusive" | "execProtocolRawStream" | "isInTransaction" | "exec" | "waitReady">;

/**
 * A session idle inside a transaction while others wait for the engine is ended after this long, as PostgreSQL's
 * `idle_in_transaction_session_timeout` would: on one engine an open transaction stops every other session, so a
 * client that forgot its transaction (or waits on something that waits on the engine) must not stop them forever.
 */
export const IDLE_IN_TRANSACTION_MS = 10_000;

/**
 * Message types that end a unit of the wire protocol: after `Sync` (extended query), `Query` (simple query),
 * `FunctionCall` or `Terminate`, the session expects nothing more of the engine's current state unless it is inside
 * a transaction block. The startup packet (no type byte: its length's first byte is 0) is a unit too.
 */
const UNIT_ENDS = new Set(["S", "Q", "F", "X"].map((c) => c.charCodeAt(0)).concat(0));
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

interface Job {
  session: number;
  run(): Promise<number>;
  endsUnit: boolean;
  resolve(bytes: number): void;
  reject(error: Error): void;
}

/**
 * Gives PGlite's single engine to one session at a time, for a whole protocol unit and for a whole transaction
 * block. PostgreSQL gives each session its own backend; PGlite has one backend for every connection, so sessions must
 * take turns without seeing each other's state. The stock queue of `@electric-sql/pglite-socket` 0.2.17 switches
 * sessions between single messages: one session's `Parse` replaced another's unnamed statement between its `Parse`
 * and `Bind` ("bind message supplies 1 parameters, but prepared statement requires 2", "portal does not exist",
 * answers to the wrong query), and an engine error left its queue stopped for good.
 */
class EngineTurns {
  private readonly jobs: Job[] = [];
  /** The session whose unit or transaction block is open: only its messages may run. */
  private owner: number | null = null;
  private running = false;
  private idleTimer?: NodeJS.Timeout;

  constructor(
    private readonly db: Engine,
    private readonly idleInTransactionMs: number,
    private readonly endSession: (session: number) => void,
  ) {}

  /** The handler's entry point: one wire-protocol message of `session`, answered through `onData`. */
  enqueue(session: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      const run = async () => {
        let bytes = 0;
        await this.db.runExclusive(() =>
          this.db.execProtocolRawStream(message, {
            onRawData: (data) => {
              bytes += data.length;
              onData(data);
            },
          }),
        );
        return bytes;
      };
      this.jobs.push({ session, run, endsUnit: UNIT_ENDS.has(message[0]), resolve, reject });
      void this.pump();
    });
  }

  /** The handler's call when its connection goes: its waiting messages are dropped. */
  clearQueueForHandler(session: number): void {
    for (let i = this.jobs.length - 1; i >= 0; i--) {
      if (this.jobs[i].session !== session) continue;
      this.jobs.splice(i, 1)[0].reject(new Error("The connection closed."));
    }
  }

  /** Then: if it held the engine, its unfinished unit and transaction are ended, as a backend's exit would. */
  clearTransactionIfNeeded(session: number): Promise<void> {
    if (this.owner !== session) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const reset = async () => {
        await this.db.runExclusive(() => this.db.execProtocolRawStream(SYNC, { onRawData: () => {} }));
        if (this.db.isInTransaction()) await this.db.exec("rollback");
        return 0;
      };
      this.jobs.unshift({ session, run: reset, endsUnit: true, resolve: () => resolve(), reject: () => resolve() });
      void this.pump();
    });
  }

  private next(): Job | undefined {
    const i = this.owner === null ? 0 : this.jobs.findIndex((job) => job.session === this.owner);
    return i < 0 ? undefined : this.jobs.splice(i, 1)[0];
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    clearTimeout(this.idleTimer);
    try {
      for (let job = this.next(); job; job = this.next()) {
        this.owner = job.session;
        try {
          job.resolve(await job.run());
        } catch (error) {
          job.reject(error as Error);
        }
        if (job.endsUnit && !this.db.isInTransaction()) this.owner = null;
      }
    } finally {
      this.running = false;
    }
    const idle = this.owner;
    if (idle !== null && this.jobs.length > 0) {
      this.idleTimer = setTimeout(() => {
        if (this.owner === idle && !this.running) this.endSession(idle);
      }, this.idleInTransactionMs);
    }
  }
}

/** The ErrorResponse PostgreSQL sends before it ends a session idle in a transaction too long (SQLSTATE 25P03). */
function idleTimeoutError(): Buffer {
  const field = (type: string, value: string) => Buffer.concat([Buffer.from(type), Buffer.from(value, "utf8"), Buffer.from([0])]);
  const body = Buffer.concat([
    field("S", "FATAL"),
    field("V", "FATAL"),
    field("C", "25P03"),
    field("M", "terminating connection due to idle-in-transaction timeout"),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

export interface EngineServerOptions {
  db: Engine;
  port: number;
  host: string;
  maxConnections: number;
  idleInTransactionMs?: number;
}

/** PGlite served over the PostgreSQL wire protocol, one engine shared by turns ({@link EngineTurns}). */
export class EngineServer {
  private server?: Server;
  private readonly sessions = new Map<number, { handler: PGLiteSocketHandler; socket: Socket }>();
  private readonly turns: EngineTurns;

  constructor(private readonly options: EngineServerOptions) {
    this.turns = new EngineTurns(options.db, options.idleInTransactionMs ?? IDLE_IN_TRANSACTION_MS, (id) => {
      const session = this.sessions.get(id);
      if (!session) return;
      session.socket.write(idleTimeoutError());
      void session.handler.detach(true);
    });
  }

  /** Listens; resolves with `host:port`. */
  async start(): Promise<string> {
    await this.options.db.waitReady;
    const server = createServer((socket) => this.accept(socket));
    server.maxConnections = this.options.maxConnections;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port, this.options.host, () => resolve());
    });
    const address = server.address();
    if (!address || typeof address !== "object") throw new Error("The embedded database has no TCP address.");
    return `${this.options.host}:${address.port}`;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.sessions.values()].map(({ handler }) => handler.detach(true)));
    this.sessions.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(socket: Socket): void {
    // The handler frames messages, answers SSL and cancel requests, and hands each message to the turns.
    const handler = new PGLiteSocketHandler({
      queryQueue: this.turns as unknown as ConstructorParameters<typeof PGLiteSocketHandler>[0]["queryQueue"],
      closeOnDetach: true,
    });
    const id = handler.handlerId;
    this.sessions.set(id, { handler, socket });
    const forget = () => this.sessions.delete(id);
    handler.addEventListener("close", forget);
    handler.addEventListener("error", forget);
    void handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  }
}
