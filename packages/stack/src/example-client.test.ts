import { ErrorCode } from "@contagem/schema";
import { mintToken, startSystem, type RunningSystem } from "@contagem/testkit";
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * The TypeScript example client (examples/typescript), compiled by `npm run build` against the published SDL, run as
 * a third-party developer runs it against a system on the default seed.
 */
const EXAMPLE = join(ROOT, "examples", "typescript", "dist", "main.js");
const run = (...args: string[]) => promisify(execFile)(process.execPath, [EXAMPLE, ...args], { timeout: 60_000 });

let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"));
});
afterAll(() => system.stop());

it("pages through every council, follows the meetings' changes, and handles a refused mutation", async () => {
  const { stdout } = await run("--url", system.gatewayUrl);
  const lines = stdout.trim().split("\n");
  expect(lines[0]).toBe("councils: 35 of 35, in 4 pages");
  expect(lines[1]).toBe("regional councils: Eldorado, Industrial, Nacional, Petrolândia, Ressaca, Riacho, Sede, Vargem das Flores");
  expect(lines[2]).toBe("meetings changed since 1970-01-01T00:00:00Z: 27");
  // The second round starts from the newest updatedAt seen: only what changed at or after it comes back.
  expect(lines[3]).toMatch(/^meetings changed since \d{4}-\d\d-\d\dT[\d:.]+Z: [1-9]$/);
  expect(lines[4]).toBe("scheduleMeeting refused: UNAUTHENTICATED — the token is missing, expired or invalid: mint a new one (`npm run token` in development)");
});

it("schedules the meeting with a secretary's token", async () => {
  const token = await mintToken({ roles: ["SECRETARY"], councils: ["compur"] });
  const { stdout } = await run("--url", system.gatewayUrl, "--token", token);
  expect(stdout).toMatch(/^scheduled: \d+ª Reunião Ordinária de \d{4}$/m);
});

it("handles exactly the API's closed set of error codes", async () => {
  const { ERROR_CODES } = (await import(join(ROOT, "examples", "typescript", "dist", "errors.js"))) as { ERROR_CODES: string[] };
  expect([...ERROR_CODES].sort()).toEqual(Object.values(ErrorCode).sort());
});
