import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The gateway process (what `npm start` runs: gateway/dist/main.js) loads no persistence kernel: no MikroORM, knex,
 * type-graphql, Apollo Server or pg. It imports @contagem/common, not the @contagem/schema barrel (which brought
 * 3,000 modules and ~20 MB of heap, and with a bounded heap, garbage collection under load). The built process is
 * what is checked (`npm test` builds first): the modules it had loaded when it stopped. Without an OTLP endpoint it
 * loads nothing of OpenTelemetry either (tracing costs nothing unless configured).
 */
const ROOT = join(__dirname, "..", "..");
const KERNEL = ["@mikro-orm/", "/knex/", "/type-graphql/", "@apollo/server", "@apollo/subgraph", "/pg/", "/pg-pool/", "@electric-sql/"];

test("the gateway process runs without loading the persistence kernel", async () => {
  const dir = await mkdtemp(join(tmpdir(), "gateway-modules-"));
  try {
    const preload = join(dir, "preload.cjs");
    const out = join(dir, "modules.json");
    await writeFile(preload, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));\n`);
    const child = spawn(process.execPath, ["-r", preload, join(ROOT, "gateway", "dist", "main.js")], {
      env: {
        ...process.env,
        PORT: "0",
        LOG_LEVEL: "info",
        JWT_SECRET: randomBytes(32).toString("base64url"),
        GATEWAY_QUERY_PLANNER: "rust",
        COUNCILS_URL: "http://127.0.0.1:9/graphql",
        MEETINGS_URL: "http://127.0.0.1:9/graphql",
        PARTICIPATION_URL: "http://127.0.0.1:9/graphql",
        OTEL_EXPORTER_OTLP_ENDPOINT: "",
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("gateway listening")) resolve();
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.once("exit", (code) => reject(new Error(`the gateway exited (${code}) before listening:\n${output}`)));
    });
    child.kill("SIGTERM");
    await exited;
    const modules = JSON.parse(await readFile(out, "utf8")) as string[];
    expect(modules.some((m) => m.includes("/packages/common/"))).toBe(true);
    expect(modules.filter((m) => KERNEL.some((k) => m.includes(k)))).toEqual([]);
    expect(modules.filter((m) => m.includes("/packages/schema/"))).toEqual([]);
    // Only the API, which prom-client loads for its exemplars; no SDK, exporter or instrumentation.
    expect(modules.filter((m) => m.includes("/@opentelemetry/") && !m.includes("/@opentelemetry/api/"))).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
