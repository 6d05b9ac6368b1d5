import { readFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { oversizedPlan, parseFuzzArgs } from "./cli-args";
import { generate, type Plan } from "./generator";
import { loadTargets, ROOT } from "./model";
import { judge } from "./oracle";
import { describeRequest, formatSummary, writeReport } from "./report";
import { runFuzz } from "./runner";
import { send } from "./send";
import { credentials } from "./tokens";
import { Agent } from "node:http";

/**
 * `npm run fuzz -- --operations 10000 [--seed N] [--url …] [--subgraphs auto|URL,…] [--data-dir .data]`: hostile and
 * careless requests against a running system (`npm start`), tokens minted with its development secret. Prints a
 * summary, writes every failure to a JSON report, exits 1 when anything failed.
 */
async function main() {
  const args = parseFuzzArgs(process.argv.slice(2), process.env);
  const dataDir = isAbsolute(args.dataDir) ? args.dataDir : join(ROOT, args.dataDir);
  const secret =
    process.env.JWT_SECRET ||
    (await readFile(join(dataDir, "jwt-secret"), "utf8").then(
      (s) => s.trim(),
      () => {
        throw new Error(`No ${join(dataDir, "jwt-secret")}: start the system first (npm start), or set JWT_SECRET or --data-dir.`);
      },
    ));
  const plan: Plan = {
    seed: args.seed,
    operations: args.operations,
    targets: await loadTargets({ gateway: args.url, subgraphs: args.subgraphs }),
    credentials: credentials({ secret, issuer: process.env.JWT_ISSUER || "contagem-dev", audience: process.env.JWT_AUDIENCE || "contagem-participation-graph" }),
    oversized: oversizedPlan(args),
    gatewayShare: 0.6,
  };

  if (args.only !== undefined) {
    const request = generate(plan, args.only);
    const target = plan.targets.find((t) => t.name === request.target);
    const answer = await send(`${target?.url}`, request, { timeoutMs: args.timeoutMs, agent: new Agent() });
    console.log(JSON.stringify({ request: describeRequest(plan, request), verdict: judge(request, answer) }, null, 2));
    if (answer.kind === "response") console.log(`HTTP ${answer.status}\n${answer.body.toString("utf8").slice(0, 20_000)}`);
    return;
  }

  console.log(
    `Fuzzing ${plan.targets.map((t) => `${t.name} (${t.url})`).join(", ")}: ${plan.operations} operations${args.from ? ` from #${args.from}` : ""}, seed ${plan.seed} (repeat with --seed ${plan.seed}).`,
  );
  if (!Object.keys(args.subgraphs).length) console.log("Subgraphs are not targeted: add --subgraphs auto (the stack's ports, or <NAME>_PORT / <NAME>_URL), or their URLs.");
  console.log("It writes through the mutations it tries: run it against a throwaway DATA_DIR, never against data you keep.");
  console.log("Tip: the gateway's rate limit slows a long run down; `RATE_LIMIT_PER_MINUTE=0 npm start` makes it fast.");
  const step = Math.max(100, Math.round(plan.operations / 20));
  const result = await runFuzz(plan, {
    concurrency: args.concurrency,
    timeoutMs: args.timeoutMs,
    from: args.from,
    log: (line) => console.log(line),
    onProgress: (done, partial) => {
      if (done % step === 0) console.log(`  ${done}/${plan.operations - (args.from ?? 0)} sent, ${partial.failures.length} failures so far`);
    },
  });
  const report = args.report ?? join(dataDir, "fuzz", `report-seed${plan.seed}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  await writeReport(plan, result, report);
  console.log(`\n${formatSummary(result)}\n\nReport (every failure with its request and answer): ${report}`);
  process.exitCode = result.failures.length ? 1 : 0;
}

main().catch((error) => {
  console.error(`fuzz: ${(error as Error).message}`);
  process.exit(2);
});
