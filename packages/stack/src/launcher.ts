import { startEmbeddedDatabase, type EmbeddedDatabase, type Logger } from "@contagem/schema";
import { SUBGRAPHS } from "@contagem/gateway";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./artifacts";

export interface StackConfig {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  host: string;
  subgraphPorts: Record<string, number>;
  poolSize: number;
  env: NodeJS.ProcessEnv;
}

export interface Stack {
  gatewayUrl: string;
  stop(): Promise<void>;
  /** Resolves when a process of the stack exits on its own (a crash): the stack is then stopped. */
  exited: Promise<string>;
}

/** An initialised PGlite cluster, made by the build (scripts/pglite-template.mjs) for fast first starts. */
export const PGLITE_TEMPLATE = join(ROOT, "packages", "stack", "dist", "pglite-template.tar.gz");

/**
 * Node flags of the gateway process: a bounded heap keeps its memory flat under load (it holds plans and the
 * response cache, not data). Measured in BENCHMARKS.md.
 */
export const GATEWAY_NODE_ARGS = ["--max-old-space-size=192"];

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

async function waitReady(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready after ${timeoutMs} ms: ${url}`);
}

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
      maxConnections: config.poolSize * SUBGRAPHS.length + 8,
    });
    databaseUrl = embedded.url;
    logger.info({ dataDir: join(config.dataDir, "pglite") }, "embedded PostgreSQL (PGlite) started");
  }
  const secret = config.env.JWT_SECRET || config.env.JWT_PUBLIC_KEY || config.env.JWT_JWKS_URL ? undefined : await devSecret(config.dataDir);
  // The key of personal-data hashes and pseudonyms: set PII_KEY in production; in development it lives in DATA_DIR.
  const piiKey = config.env.PII_KEY || (await devSecret(config.dataDir, "pii-key"));
  const children: ChildProcess[] = [];
  let stopping = false;
  let onExit: (reason: string) => void = () => {};
  const exited = new Promise<string>((resolve) => (onExit = resolve));

  const run = (name: string, script: string, env: Record<string, string>, nodeArgs: string[] = []) => {
    const child = spawn(process.execPath, [...nodeArgs, join(ROOT, script)], {
      env: {
        ...config.env,
        ...env,
        DATABASE_URL: databaseUrl,
        DB_POOL_SIZE: String(config.poolSize),
        PII_KEY: piiKey,
        ...(secret ? { JWT_SECRET: secret } : {}),
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("exit", (code, signal) => {
      if (!stopping) onExit(`${name} exited (${signal ?? code})`);
    });
    children.push(child);
    return child;
  };

  const stop = async () => {
    stopping = true;
    await Promise.all(
      children.map(
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
    const gatewayEnv: Record<string, string> = { ...urls, PORT: String(config.port), HOST: config.host };
    const ready: Promise<void>[] = [];
    for (const { name } of SUBGRAPHS) {
      const port = config.subgraphPorts[name];
      const child = run(name, `services/${name}/dist/main.js`, { ...urls, [`${name.toUpperCase()}_PORT`]: String(port), HOST: "127.0.0.1" });
      ready.push(waitReady(`http://127.0.0.1:${port}/readyz`, child));
    }
    const gateway = run("gateway", "gateway/dist/main.js", gatewayEnv, GATEWAY_NODE_ARGS);
    await Promise.all(ready);
    await waitReady(`http://127.0.0.1:${config.port}/readyz`, gateway);
  } catch (error) {
    await stop();
    throw error;
  }
  const shownHost = config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
  return { gatewayUrl: `http://${shownHost}:${config.port}/graphql`, stop, exited };
}
