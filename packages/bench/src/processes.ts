import { PROCESS_ENV_DEFAULTS } from "@contagem/stack";
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..", "..");

export interface Proc {
  name: string;
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export type ReadyCheck = (port: number) => Promise<boolean>;

/** Ready when GET /readyz answers 200 (our services). */
export const readyz: ReadyCheck = async (port) => (await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1000) })).ok;

/** Ready when a POSTed query answers 200 (servers without a health route). */
export const answersQuery: ReadyCheck = async (port) =>
  (await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ __typename }" }),
    signal: AbortSignal.timeout(1000),
  })).ok;

async function waitReady(port: number, child: ChildProcess, ready: ReadyCheck, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`port ${port}: process exited with ${child.exitCode}`);
    if (await ready(port).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready: port ${port}`);
}

/** Starts a Node script of the repository as its own process, and waits until it is ready. */
export async function start(
  name: string,
  script: string,
  env: Record<string, string>,
  port: number,
  ready: ReadyCheck = readyz,
  nodeArgs: string[] = [],
): Promise<Proc> {
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, script)], {
    // As `npm start` runs them (NODE_ENV=production unless set).
    env: { ...PROCESS_ENV_DEFAULTS, ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitReady(port, child, ready);
  return {
    name,
    child,
    url: `http://127.0.0.1:${port}/graphql`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}

/** Peak resident set size of a process since it started (Linux VmHWM), in MB. */
export async function peakRssMb(pid: number | undefined): Promise<number | null> {
  if (!pid) return null;
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** @apollo/gateway (the peer baseline) over the committed supergraph and the given subgraph URLs. */
export function startApollo(port: number, urls: Record<string, string>, nodeArgs: string[] = [], name = "@apollo/gateway 2.14.4"): Promise<Proc> {
  return start(name, "packages/bench/dist/apollo-gateway.js", {
    PORT: String(port),
    SUPERGRAPH_PATH: join(ROOT, "gateway", "supergraph.graphql"),
    SUBGRAPH_URLS: JSON.stringify({ councils: urls.COUNCILS_URL, meetings: urls.MEETINGS_URL, participation: urls.PARTICIPATION_URL }),
  }, port, answersQuery, nodeArgs);
}

/** The slug of the first synthetic council of the bench data (scenario 2's variable). */
export async function pickCouncil(url: string): Promise<string> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ councils(first: 1, filter: { search: "sintetico" }) { edges { node { slug } } } }` }) });
  const json = (await res.json()) as { data: { councils: { edges: { node: { slug: string } }[] } } };
  return json.data.councils.edges[0].node.slug;
}
