import { SUBGRAPHS } from "@contagem/gateway";
import { freePort, freshSchemaName, until } from "@contagem/testkit";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./artifacts";

/** The whole system started as a user starts it, for end-to-end tests: its process group, ports and output. */
export interface StackProcess {
  child: ChildProcess;
  /** Every port it listens on, by the variable that set it (PORT, COUNCILS_PORT, …). */
  ports: Record<string, number>;
  gatewayUrl: string;
  output(): string;
  /** Kills whatever is left of its process group and removes its data directory (afterAll; nothing left after a clean stop). */
  cleanup(): Promise<void>;
}

/**
 * Starts the system on ephemeral ports — `npm start` (`command: "npm"`, through the npm this suite runs under) or the
 * launcher's built entry — on fresh schemas of the test's PostgreSQL (or the embedded database under
 * TEST_EMBEDDED_DATABASE), in its own process group, and waits until it prints its addresses.
 */
export async function startStackProcess(options: { command: "npm" | "launcher"; env?: NodeJS.ProcessEnv; prefix: string }): Promise<StackProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), `${options.prefix}-`));
  const ports: Record<string, number> = { PORT: await freePort() };
  for (const { name } of SUBGRAPHS) ports[`${name.toUpperCase()}_PORT`] = await freePort();
  const database = process.env.TEST_EMBEDDED_DATABASE
    ? {}
    : {
        DATABASE_URL: process.env.DATABASE_URL,
        ...Object.fromEntries(["councils", "meetings", "participation", "audit"].map((s) => [`${s.toUpperCase()}_DB_SCHEMA`, freshSchemaName(s)])),
      };
  const env: NodeJS.ProcessEnv = { ...process.env, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])), ...database, DATA_DIR: dataDir, ...options.env };
  if (!env.DATABASE_URL) delete env.DATABASE_URL;
  // The npm this suite runs under (npm sets npm_execpath), else the one on PATH.
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath, "start"] : ["npm", "start"];
  const [command, ...args] = options.command === "npm" ? npm : [process.execPath, join(ROOT, "packages/stack/dist/main.js")];
  const child = spawn(command!, args, { cwd: ROOT, env, detached: true });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const cleanup = async () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // ESRCH: nothing left.
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  await until(async () => output.includes("GraphQL API and IDE"), 150_000).catch(async () => {
    await cleanup();
    throw new Error(`the system did not come up:\n${output}`);
  });
  return { child, ports, gatewayUrl: `http://127.0.0.1:${ports.PORT}/graphql`, output: () => output, cleanup };
}
