import { DEFAULT_QUERY_LIMITS } from "@contagem/schema";
import { startSystem, TEST_AUTH, type RunningSystem } from "@contagem/testkit";
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { DEFINITIONS, ROOT } from "./artifacts";
import { GATEWAY_NODE_ARGS } from "./launcher";

/**
 * The gateway as it runs in production — its own process, its bounded heap, the response cache on — against
 * anonymous clients that try to make it hold memory: huge arguments, huge variables, a 20 MB body, and many
 * distinct documents at the length limit (every runtime caches parsed documents by their text).
 */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const rssMb = async (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

let system: RunningSystem;
let gateway: ChildProcess;
let url: string;
let output = "";

beforeAll(async () => {
  system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"));
  const port = await freePort();
  gateway = spawn(process.execPath, [...GATEWAY_NODE_ARGS, join(ROOT, "gateway/dist/main.js")], {
    env: {
      ...process.env,
      ...Object.fromEntries(Object.values(system.subgraphs).map((s) => [`${s.name.toUpperCase()}_URL`, s.url])),
      PORT: String(port),
      JWT_SECRET: TEST_AUTH.secret,
      JWT_ISSUER: TEST_AUTH.issuer,
      JWT_AUDIENCE: TEST_AUTH.audience,
      RESPONSE_CACHE_TTL_MS: "5000",
      RATE_LIMIT_PER_MINUTE: "0",
      LOG_LEVEL: "warn",
    },
  });
  gateway.stdout!.on("data", (d) => (output += d));
  gateway.stderr!.on("data", (d) => (output += d));
  url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; i < 150; i++) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`gateway did not start:\n${output}`);
}, 60_000);

afterAll(async () => {
  gateway?.kill("SIGTERM");
  await system?.stop();
});

const post = async (body: string) => {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const text = await res.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
  } catch {
    code = "not JSON";
  }
  return { status: res.status, text, code: code ?? "none" };
};

it("survives the memory reproductions with its memory bounded, answering each with a client error", async () => {
  const answers = new Map<string, number>();
  const count = ({ status, code }: { status: number; code: string }) => answers.set(`${status} ${code}`, (answers.get(`${status} ${code}`) ?? 0) + 1);
  const baseline = await rssMb(gateway.pid!);

  // 300 anonymous queries with a 60,000-character argument, inline and as a variable.
  const huge = "x".repeat(60_000);
  for (let i = 0; i < 150; i++) count(await post(JSON.stringify({ query: `{ council(slug: "${huge}${i}") { id } }` })));
  for (let i = 0; i < 150; i++) {
    count(await post(JSON.stringify({ query: "query($s: String!) { council(slug: $s) { id } }", variables: { s: `${huge}${i}` } })));
  }
  // One anonymous 20 MB body.
  const big = await post(JSON.stringify({ query: "{ __typename }", variables: { big: "y".repeat(20 * 1024 * 1024) } }));
  expect(big.status).toBe(413);
  expect(JSON.parse(big.text).errors[0].extensions.code).toBe("BAD_REQUEST");
  // More distinct documents at the length limit than the runtime's document caches hold.
  const padding = DEFAULT_QUERY_LIMITS.chars - 80;
  for (let i = 0; i < 1100; i++) {
    count(await post(JSON.stringify({ query: `{ a: __typename b: council(slug: "${String(i).padStart(6, "0")}${"z".repeat(padding)}") { id } }` })));
  }

  expect(gateway.exitCode).toBeNull();
  // Each answered as a client error: the inline argument makes the document too long, the variable is too long an
  // argument, and a 16,000-character slug is too long an argument too.
  expect(Object.fromEntries(answers)).toEqual({ "200 QUERY_TOO_COMPLEX": 150, "200 BAD_USER_INPUT": 1250 });
  const after = await post(JSON.stringify({ query: "{ councils(first: 1) { totalCount } }" }));
  expect(JSON.parse(after.text).data.councils.totalCount).toBeGreaterThan(0);
  const rss = await rssMb(gateway.pid!);
  // The heap is capped at 192 MB (GATEWAY_NODE_ARGS): a leak would crash it, a bound keeps RSS near its baseline.
  console.log(`gateway RSS ${Math.round(baseline)} MB before, ${Math.round(rss)} MB after; answers ${JSON.stringify(Object.fromEntries(answers))}`);
  expect(rss).toBeLessThan(450);
  expect(rss - baseline).toBeLessThan(160);
}, 240_000);
