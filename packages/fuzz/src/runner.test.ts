import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { loadTargets } from "./model";
import { runFuzz } from "./runner";
import { credentials } from "./tokens";

/** The runner against a fake server: 429s are waited out and retried, a silent answer is a hang. */
let server: Server;
let url: string;
let graphqlRequests = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.url === "/healthz" || req.url === "/readyz") return res.writeHead(200).end("{}");
      graphqlRequests++;
      if (graphqlRequests <= 2) {
        res.writeHead(429, { "retry-after": "1", "content-type": "application/json" });
        return res.end(JSON.stringify({ errors: [{ message: "Slow down.", extensions: { code: "RATE_LIMITED", requestId: "r" } }] }));
      }
      if (graphqlRequests === 4 || graphqlRequests === 5) return; // never answers, nor when sent again
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: { councils: { totalCount: 1 } } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

it("retries a rate-limited request after Retry-After, counts 429s apart, and reports a hang", async () => {
  const plan = {
    seed: 1,
    operations: 4,
    targets: await loadTargets({ gateway: url }),
    // No token that must be refused: the fake server answers data to anything, so one would be a finding
    // (which requests carry tokens depends on the schema the plan is drawn from); tokens are the oracle's tests'.
    credentials: credentials({ secret: "x".repeat(40), issuer: "i", audience: "a" }).filter((c) => !c.refused),
    oversized: [],
    gatewayShare: 1,
  };
  const lines: string[] = [];
  // 2 s: long enough that a busy CI machine answers the fake server's 429s and 200s in time (500 ms was not: one
  // 429 came late, was retried as a timeout and miscounted), short enough that the hang costs 2 + 8 s.
  const result = await runFuzz(plan, { concurrency: 1, timeoutMs: 2000, maxRetryAfterMs: 20, log: (line) => lines.push(line) });
  expect(result.operations).toBe(4);
  expect(result.rateLimited).toBe(2);
  expect(result.byStatus).toEqual({ "200": 3, timeout: 1 });
  expect(result.retriedAfterTimeout).toBe(1); // a hang is a request that got no answer twice
  expect(result.failures.map((f) => f.kind)).toEqual(["hang"]);
  expect(lines.join("\n")).toContain("RATE_LIMIT_PER_MINUTE=0 npm start");
});
