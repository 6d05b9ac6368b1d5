import { DEFINITIONS } from "@contagem/stack";
import { startSystem, TEST_AUTH, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { credentials, failureMessage, formatSummary, loadTargets, ROOT, runFuzz, writeReport, type Plan } from "./index";

/**
 * The whole system, in-process, against a fixed-seed fuzz run at the gateway and at each subgraph directly (a
 * subgraph's port must be as safe as the gateway's). Product settings: the default query limits, the response
 * cache on (its key handling is attack surface), no rate limit (a 429 would only slow the run down).
 */
const SEED = 20231229;
const OPERATIONS = 4400;

let system: RunningSystem;
beforeAll(async () => {
  const supergraph = await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8");
  system = await startSystem(DEFINITIONS, supergraph, { responseCacheTtlMs: 5000, ratePerMinute: 0 });
}, 120_000);
afterAll(() => system?.stop());

describe("fuzz", () => {
  it(`answers ${OPERATIONS} hostile and careless requests without a bug showing, and stays healthy`, async () => {
    const plan: Plan = {
      seed: SEED,
      operations: OPERATIONS,
      targets: await loadTargets({
        gateway: system.gatewayUrl,
        subgraphs: Object.fromEntries(Object.values(system.subgraphs).map((s) => [s.name, s.url])),
      }),
      credentials: credentials({ secret: TEST_AUTH.secret as string, issuer: TEST_AUTH.issuer, audience: TEST_AUTH.audience }),
      // One body over 1 MB: the jest worker hosts the gateway, so the megabytes are kept few.
      oversized: [{ target: "gateway", bytes: 2_000_000, shape: "numbers" }],
      gatewayShare: 0.25,
    };
    const result = await runFuzz(plan, { concurrency: 4 });
    console.log(formatSummary(result));
    if (result.failures.length) {
      const report = join(tmpdir(), `contagem-fuzz-seed${SEED}.json`);
      await writeReport(plan, result, report);
      throw new Error(`${failureMessage(plan, result)}\n\nEvery failure with its request and answer: ${report}`);
    }
  }, 240_000);
});
