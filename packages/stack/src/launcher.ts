import { startEmbeddedDatabase, type EmbeddedDatabase, type Logger } from "@contagem/schema";
import { SUBGRAPHS } from "@contagem/gateway";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./artifacts";
import { scheduleOpenData, type OpenDataSchedule } from "./open-data/schedule";

export interface StackConfig {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  host: string;
  subgraphPorts: Record<string, number>;
  poolSize: number;
  env: NodeJS.ProcessEnv;
  /** Where the open-data snapshots are written and served from (OPEN_DATA_DIR; default `<dataDir>/open-data`). */
  openDataDir?: string;
  /** The daily export's cron pattern, or null for none (OPEN_DATA_SCHEDULE). */
  openDataSchedule?: string | null;
  /** Whether the webhook worker runs (WEBHOOKS=off: not). */
  webhooks?: boolean;
}

export interface Stack {
  gatewayUrl: string;
  stop(): Promise<void>;
  /** The process ids of the running services, by name (they change when a crashed one is restarted). */
  pids(): Record<string, number | undefined>;
  /** Resolves when a service refuses its configuration (exit 78): restarting it would not help. */
  fatal: Promise<string>;
}

/** The exit code a service uses for a configuration it cannot run with (sysexits' EX_CONFIG). */
export const EXIT_CONFIG = 78;

/** An initialised PGlite cluster, made by the build (scripts/pglite-template.mjs) for fast first starts. */
export const PGLITE_TEMPLATE = join(ROOT, "packages", "stack", "dist", "pglite-template.tar.gz");

/**
 * Node flags of the gateway process: a bounded old generation keeps its memory flat under load (it holds plans and
 * the response cache, not data), and a young generation of 16 MB semi-spaces lets each request's short-lived objects
 * die young: with the old-space cap alone, V8 sized the young generation from it and promoted them, so the garbage
 * collector took 30–37 % of the gateway's CPU under load (`npm run bench:profile`; BENCHMARKS.md).
 */
export const GATEWAY_NODE_ARGS = ["--max-old-space-size=192", "--max-semi-space-size=16"];

/**
 * What every process of the stack runs with unless the environment says otherwise: `NODE_ENV=production`, which
 * graphql-js reads to skip a development check in every `instanceof` of its execution (10 % of a subgraph's CPU on a
 * large list; BENCHMARKS.md). Nothing of ours reads it but `seed:demo`, which refuses to run under it, and the
 * libraries' other uses of it are set explicitly (introspection on, landing pages and stack traces off).
 */
export const PROCESS_ENV_DEFAULTS = { NODE_ENV: "production" } as const;

/** A development secret, created once per data directory, so `npm run token` and the services agree on it. */
export async function devSecret(dataDir: string, name = "jwt-secret"): Promise<string> {
  const path = join(dataDir, name);
  const existing = await readFile(path, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(dataDir, { recursive: true });
  await writeFile(path, secret, { mode: 0o600 });
  return secret;
}

/**
 * Resolves once `url` answers 200. A service waiting for its database, or being restarted after a crash, is waited
 * for as long as it takes, saying every 10 s what it waits for.
 */
async function waitReady(name: string, url: string, logger: Logger): Promise<void> {
  const started = Date.now();
  let told = started;
  for (;;) {
    let why = "not listening yet";
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
      why = ((await res.json().catch(() => ({}))) as { waitingFor?: string }).waitingFor ?? `HTTP ${res.status}`;
    } catch {
      // not listening yet
    }
    if (Date.now() - told >= 10_000) {
      told = Date.now();
      logger.warn({ child: name, waitedSeconds: Math.round((told - started) / 1000) }, `waiting for ${name} to be ready: ${why}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Restart delays after a crash: 0.5 s doubling to 30 s; a process that ran a minute starts again from 0.5 s. */
const BACKOFF_MS = { first: 500, max: 30_000, stableAfter: 60_000 };

/**
 * Starts the whole system: the database (the given PostgreSQL, or the embedded one), then each subgraph in its own
 * process (they migrate and seed their schema on start) and the gateway; resolves once all of them are ready.
 */
export async function startStack(config: StackConfig, logger: Logger): Promise<Stack> {
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    // A new data directory starts from the template made at build time (an initialised cluster), not from initdb.
    embedded = await startEmbeddedDatabase({
      dataDir: join(config.dataDir, "pglite"),
      template: PGLITE_TEMPLATE,
      // The subgraphs' pools, the webhook worker's 4 (its pool and pg-boss's), and 8 more (exports, a psql).
      maxConnections: config.poolSize * SUBGRAPHS.length + 12,
    });
    databaseUrl = embedded.url;
    logger.info({ dataDir: join(config.dataDir, "pglite") }, "embedded PostgreSQL (PGlite) started");
  }
  const secret = config.env.JWT_SECRET || config.env.JWT_PUBLIC_KEY || config.env.JWT_JWKS_URL ? undefined : await devSecret(config.dataDir);
  // The key of personal-data hashes and pseudonyms: set PII_KEY in production; in development it lives in DATA_DIR.
  const piiKey = config.env.PII_KEY || (await devSecret(config.dataDir, "pii-key"));
  const children = new Map<string, ChildProcess>();
  const restarts = new Set<NodeJS.Timeout>();
  let stopping = false;
  let onFatal: (reason: string) => void = () => {};
  const fatal = new Promise<string>((resolve) => (onFatal = resolve));

  /** Runs a service and keeps it running: a crash is logged and the process restarted with backoff. */
  const run = (name: string, script: string, env: Record<string, string>, nodeArgs: string[] = []) => {
    let attempts = 0;
    const spawnOne = () => {
      const startedAt = Date.now();
      const child = spawn(process.execPath, [...nodeArgs, join(ROOT, script)], {
        env: {
          ...PROCESS_ENV_DEFAULTS,
          ...config.env,
          ...env,
          DATABASE_URL: databaseUrl,
          DB_POOL_SIZE: String(config.poolSize),
          PII_KEY: piiKey,
          ...(secret ? { JWT_SECRET: secret } : {}),
        },
        stdio: ["ignore", "inherit", "inherit"],
      });
      children.set(name, child);
      logger.info({ child: name, pid: child.pid }, `${name} started`);
      child.once("exit", (code, signal) => {
        if (stopping) return;
        if (code === EXIT_CONFIG) return onFatal(`${name} refused its configuration (exit ${EXIT_CONFIG})`);
        if (Date.now() - startedAt > BACKOFF_MS.stableAfter) attempts = 0;
        const delay = Math.min(BACKOFF_MS.max, BACKOFF_MS.first * 2 ** attempts++);
        logger.error({ child: name, code, signal, restartInMs: delay }, `${name} exited (${signal ?? code}); restarting it, the others keep serving`);
        const timer = setTimeout(() => {
          restarts.delete(timer);
          if (!stopping) spawnOne();
        }, delay);
        restarts.add(timer);
      });
    };
    spawnOne();
  };

  let openData: OpenDataSchedule | undefined;
  const openDataDir = config.openDataDir ?? join(config.dataDir, "open-data");

  const stop = async () => {
    stopping = true;
    await openData?.stop();
    for (const timer of restarts) clearTimeout(timer);
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
            setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
          }),
      ),
    );
    await embedded?.stop();
  };

  try {
    // The gateway needs only the subgraphs' URLs to start, so it boots while they migrate; it is ready once they are.
    // Every process learns where every subgraph listens: the gateway routes to them, and a subgraph asks its peers.
    const urls: Record<string, string> = {};
    for (const { name } of SUBGRAPHS) urls[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${config.subgraphPorts[name]}/graphql`;
    const gatewayEnv: Record<string, string> = { ...urls, PORT: String(config.port), HOST: config.host, OPEN_DATA_DIR: openDataDir };
    // The console's development sign-in exists only where the development secret does: the one npm start made.
    if (secret && !config.env.CONSOLE_OIDC_ISSUER && config.env.CONSOLE_DEV_SIGN_IN === undefined) gatewayEnv.CONSOLE_DEV_SIGN_IN = "true";
    for (const { name } of SUBGRAPHS) {
      const port = config.subgraphPorts[name];
      run(name, `services/${name}/dist/main.js`, { ...urls, [`${name.toUpperCase()}_PORT`]: String(port), HOST: "127.0.0.1" });
    }
    run("gateway", "gateway/dist/main.js", gatewayEnv, GATEWAY_NODE_ARGS);
    const refused = fatal.then((reason) => Promise.reject(new Error(reason)));
    refused.catch(() => {}); // also settled later, once the stack runs: main.ts handles that through `fatal`
    await Promise.race([Promise.all(SUBGRAPHS.map(({ name }) => waitReady(name, `http://127.0.0.1:${config.subgraphPorts[name]}/readyz`, logger))), refused]);
    await Promise.race([waitReady("gateway", `http://127.0.0.1:${config.port}/readyz`, logger), refused]);
    // The webhook worker starts once the subgraphs have migrated (their outboxes and the subscriptions exist); a crashed
    // worker is restarted like a service, and the queue hands its unfinished deliveries out again.
    if (config.webhooks !== false) run("webhooks", "services/councils/dist/webhooks/delivery/worker.main.js", {});
    // The Decide Contagem sync (a job on the same queue) only where its API is configured: unset, nothing runs.
    if (config.env.DECIDIM_API_URL?.trim()) run("decidim-sync", "services/participation/dist/decidim/sync.main.js", {});
    if (config.openDataSchedule) {
      openData = scheduleOpenData({ pattern: config.openDataSchedule, databaseUrl, embedded: Boolean(embedded), openDataDir, env: { ...PROCESS_ENV_DEFAULTS, ...config.env, PII_KEY: piiKey }, logger });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const shownHost = config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
  return {
    gatewayUrl: `http://${shownHost}:${config.port}/graphql`,
    stop,
    fatal,
    pids: () => Object.fromEntries([...children].map(([name, child]) => [name, child.exitCode === null ? child.pid : undefined])),
  };
}
