import { until } from "@contagem/testkit";
import { connect } from "node:net";
import { startStackProcess, type StackProcess } from "./stack-process.fixtures";

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

let stack: StackProcess | undefined;
afterAll(() => stack?.cleanup());

it("stops every service within seconds when the npm process gets SIGTERM", async () => {
  stack = await startStackProcess({ command: "npm", prefix: "contagem-npm-start" });
  const { child: npm, ports } = stack;
  const output = stack.output;
  for (const port of Object.values(ports)) expect(await listening(port)).toBe(true);

  const exited = new Promise<number | null>((done) => npm!.once("exit", (code) => done(code)));
  process.kill(npm.pid!, "SIGTERM");
  await until(async () => !(await Promise.all(Object.values(ports).map(listening))).some(Boolean), 15_000);
  expect(await exited).toBe(0);
  expect(output()).toMatch(/"reason":"SIGTERM","msg":"stopping"/);
}, 200_000);
