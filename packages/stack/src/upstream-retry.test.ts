import { councils } from "@contagem/councils";
import { createGateway } from "@contagem/gateway";
import { createLogger, createVerifier } from "@contagem/schema";
import { adminToken, codesOf, freePort, gql, startSubgraph, TEST_AUTH, type RunningSubgraph } from "@contagem/testkit";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { ROOT } from "./artifacts";

/**
 * A replica of a subgraph dying under a request, as the gateway sees it behind a load balancer (HAProxy answers 502
 * Bad Gateway when the replica it chose closed the connection without answering). The gateway asks again, once, for a
 * query: the client is answered whole. Never for a mutation, which the replica may have committed: the client gets
 * SERVICE_UNAVAILABLE and repeats it with its idempotency key, which writes nothing twice.
 */
let subgraph: RunningSubgraph;
let balancer: Server;
let gateway: ReturnType<typeof createGateway>;
let url: string;
/** What the balancer passed to the subgraph; how many of the next answers it replaces with its 502. */
const forwarded: string[] = [];
let lose = 0;

beforeAll(async () => {
  subgraph = await startSubgraph(councils);
  const target = new URL(subgraph.url);
  // The balancer passes each request on; an answer it is told to lose, it replaces with its own 502 (HAProxy's page).
  balancer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      forwarded.push(body.toString());
      const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on("data", (c) => parts.push(c));
        answer.on("end", () => {
          if (lose > 0) {
            lose--;
            res.writeHead(502, { "content-type": "text/html", "cache-control": "no-cache" });
            return res.end("<html><body><h1>502 Bad Gateway</h1>\nThe server returned an invalid or incomplete response.\n</body></html>\n");
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(parts));
        });
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => balancer.listen(0, "127.0.0.1", resolve));
  const through = `http://127.0.0.1:${(balancer.address() as AddressInfo).port}/graphql`;
  const closed = `http://127.0.0.1:${await freePort()}/graphql`;
  gateway = createGateway({
    supergraph: await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"),
    subgraphUrls: { councils: through, meetings: closed, participation: closed },
    queryPlanner: "rust",
    responseCacheTtlMs: 0,
    rateLimit: { perMinute: 0, trustProxy: false },
    verify: await createVerifier(TEST_AUTH),
    logger: createLogger("test-gateway", process.env.TEST_LOG_LEVEL ?? "silent"),
  });
  url = (await gateway.listen(0)).url;
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  await new Promise((resolve) => balancer?.close(resolve));
  await subgraph?.stop();
});

const COUNCIL = `{ council(slug: "compur") { id name version notes } }`;

it("asks again, once, for a query whose answer the balancer lost: the client is answered whole", async () => {
  forwarded.length = 0;
  lose = 1;
  const res = await gql(url, COUNCIL);
  expect(res.errors).toBeUndefined();
  expect(res.data.council.name).toBeTruthy();
  expect(forwarded).toHaveLength(2);
  // Twice lost: the client is told, with the closed set's code, and the subgraph was asked twice, not more.
  forwarded.length = 0;
  lose = 2;
  const lost = await gql(url, COUNCIL);
  expect(codesOf(lost)).toEqual(["SERVICE_UNAVAILABLE"]);
  expect(forwarded).toHaveLength(2);
});

it("does not send a mutation twice: the client repeats it with its idempotency key, and it is written once", async () => {
  const token = await adminToken();
  const { id, version } = (await gql(url, COUNCIL)).data.council;
  const notes = `Escrita cuja resposta se perdeu ${randomUUID()}`;
  const input = { id, expectedVersion: version, notes, idempotencyKey: randomUUID() };
  const mutation = "mutation($i: UpdateCouncilInput!) { updateCouncil(input: $i) { council { version notes } } }";
  forwarded.length = 0;
  lose = 1;
  const first = await gql(url, mutation, { i: input }, { token });
  expect(codesOf(first)).toEqual(["SERVICE_UNAVAILABLE"]);
  expect(forwarded).toHaveLength(1);
  // It was committed before its answer was lost; the repeat returns that first result and writes nothing.
  const again = await gql(url, mutation, { i: input }, { token });
  expect(again.errors).toBeUndefined();
  expect(again.data.updateCouncil.council).toEqual({ version: version + 1, notes });
  expect((await gql(url, COUNCIL)).data.council).toMatchObject({ version: version + 1, notes });
});
