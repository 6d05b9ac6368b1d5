import { SUBGRAPHS } from "@contagem/gateway";
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join, resolve } from "node:path";

/** `npm start` as a user runs it, for end-to-end tests: the built launcher, its own processes, real free ports. */
const ROOT = resolve(__dirname, "..", "..", "..");

export const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

export interface LaunchedStack {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** The pid of a service as the launcher last started it (it logs each start). */
  pidOf: (service: string) => number | undefined;
  /** Sends SIGINT and resolves with the launcher's exit code. */
  stop: () => Promise<number | null>;
}

export async function launchStack(env: Record<string, string | undefined>, timeoutMs = 90_000): Promise<LaunchedStack> {
  const ports: Record<string, string> = { PORT: String(await freePort()) };
  for (const { name } of SUBGRAPHS) ports[`${name.toUpperCase()}_PORT`] = String(await freePort());
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...ports, LOG_LEVEL: "info", ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const child = spawn(process.execPath, [join(ROOT, "packages/stack/dist/main.js")], { env: childEnv });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no banner after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.stdout!.on("data", () => {
      const match = /GraphQL API and IDE: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.once("exit", (code) => fail(new Error(`exited with ${code}:\n${output}`)));
  });
  const pidOf = (service: string) => {
    let pid: number | undefined;
    for (const line of output.split("\n")) {
      if (!line.includes(`"msg":"${service} started"`)) continue;
      pid = (JSON.parse(line) as { pid: number }).pid;
    }
    return pid;
  };
  const stop = () =>
    new Promise<number | null>((done) => {
      if (child.exitCode !== null) return done(child.exitCode);
      child.once("exit", (code) => done(code));
      child.kill("SIGINT");
    });
  return { child, url, output: () => output, pidOf, stop };
}

/** Polls `what` every 200 ms until it holds (errors count as not yet), or fails after `ms`. */
export async function until(what: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await what().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`condition not met in ${ms} ms`);
}
