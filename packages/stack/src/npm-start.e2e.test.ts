import { SUBGRAPHS } from "@contagem/gateway";
import { freePort, freshSchemaName, until } from "@contagem/testkit";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./artifacts";

/**
 * `npm start` exactly as a user (or a process manager) runs it: a SIGTERM or Ctrl-C sent to the npm process must
 * reach the launcher, which stops every service. npm passes the signal to the script's shell; the script `exec`s the
 * launcher so that the shell is the launcher (a shell waiting on `node` would die alone and leave it running).
 */
const listening = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), done(true)));
    socket.once("error", () => done(false));
  });

let npm: ChildProcess | undefined;
let dataDir: string;
afterAll(async () => {
  // Whatever a failed test left running of the group it started (npm, its shell, the launcher, the services); after a
  // pass the group is empty.
  try {
    if (npm?.pid) process.kill(-npm.pid, "SIGKILL");
  } catch {
    // ESRCH: nothing left.
  }
  await rm(dataDir, { recursive: true, force: true });
});

it("stops every service within seconds when the npm process gets SIGTERM", async () => {
  dataDir = await mkdtemp(join(tmpdir(), "contagem-npm-start-"));
  const ports: Record<string, number> = { PORT: await freePort() };
  for (const { name } of SUBGRAPHS) ports[`${name.toUpperCase()}_PORT`] = await freePort();
  const database = process.env.TEST_EMBEDDED_DATABASE
    ? { DATABASE_URL: undefined }
    : {
        DATABASE_URL: process.env.DATABASE_URL,
        ...Object.fromEntries(["councils", "meetings", "participation", "audit"].map((s) => [`${s.toUpperCase()}_DB_SCHEMA`, freshSchemaName(s)])),
      };
  const env: NodeJS.ProcessEnv = { ...process.env, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])), ...database, DATA_DIR: dataDir };
  if (!env.DATABASE_URL) delete env.DATABASE_URL;
  // The npm this suite runs under (npm sets npm_execpath), else the one on PATH; its own process group, so that a
  // failed test can clean up everything it started.
  const command = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ["npm"];
  npm = spawn(command[0], [...command.slice(1), "start"], { cwd: ROOT, env, detached: true });
  let output = "";
  npm.stdout!.on("data", (d) => (output += d));
  npm.stderr!.on("data", (d) => (output += d));
  await until(async () => output.includes("GraphQL API and IDE"), 150_000).catch(() => {
    throw new Error(`npm start did not come up:\n${output}`);
  });
  for (const port of Object.values(ports)) expect(await listening(port)).toBe(true);

  const exited = new Promise<number | null>((done) => npm!.once("exit", (code) => done(code)));
  process.kill(npm.pid!, "SIGTERM");
  await until(async () => !(await Promise.all(Object.values(ports).map(listening))).some(Boolean), 15_000);
  expect(await exited).toBe(0);
  expect(output).toMatch(/"reason":"SIGTERM","msg":"stopping"/);
}, 200_000);
