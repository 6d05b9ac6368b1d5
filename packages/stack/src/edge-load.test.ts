import { createGateway } from "@contagem/gateway";
import { createLogger, createSubgraphServer, createVerifier, LINGER_IDLE_MS, type Listening, type ServerLimits } from "@contagem/schema";
import { startSystem, TEST_AUTH, until, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { Writable } from "node:stream";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * What one process takes on, at the gateway and at a subgraph alike: requests in flight are capped (a short queue,
 * then 503), a request that takes too long to arrive is answered 408, and a client that leaves is no error of ours.
 * Small limits keep the test short; the defaults are in the README.
 */
const LIMITS: ServerLimits = { maxInFlight: 1, maxQueued: 1, headersTimeoutMs: 500, requestTimeoutMs: 1000 };

interface Endpoint {
  listening: Listening;
  logs: string[];
  stop: () => Promise<void>;
}

const capture = (name: string) => {
  const logs: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(...String(chunk).trim().split("\n")), done()) });
  return { logs, logger: createLogger(name, "info", sink) };
};

let system: RunningSystem;
/** The endpoints under the small LIMITS above. */
const endpoints: Record<string, Endpoint> = {};
/** The same endpoints under the default limits (a large upload takes longer than LIMITS' request timeout on a busy machine). */
const roomy: Record<string, Endpoint> = {};

async function startEndpoints(into: Record<string, Endpoint>, serverLimits: ServerLimits | undefined) {
  const supergraph = await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8");
  const verify = await createVerifier(TEST_AUTH);
  const gatewayLog = capture("gateway");
  const gateway = createGateway({
    supergraph,
    subgraphUrls: Object.fromEntries(Object.values(system.subgraphs).map((s) => [s.name, s.url])),
    logger: gatewayLog.logger,
    serverLimits,
    verify,
  });
  into["the gateway"] = { listening: await gateway.listen(0), logs: gatewayLog.logs, stop: () => gateway.stop() };
  const councilsLog = capture("councils");
  const councils = await createSubgraphServer(DEFINITIONS[0], { orm: system.subgraphs.councils.orm, verify, logger: councilsLog.logger, serverLimits });
  into["the councils subgraph"] = { listening: await councils.listen(0), logs: councilsLog.logs, stop: () => councils.stop() };
}

beforeAll(async () => {
  system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"));
  await startEndpoints(endpoints, LIMITS);
  await startEndpoints(roomy, undefined);
});
afterAll(async () => {
  for (const endpoint of [...Object.values(endpoints), ...Object.values(roomy)]) await endpoint.stop();
  await system.stop();
});

/** A raw connection that sends `head` and then whatever the test writes; `answer` resolves with all it got once closed. */
function rawRequest(port: number, head: string) {
  const socket: Socket = connect(port, "127.0.0.1");
  let received = "";
  socket.on("data", (d) => (received += d));
  socket.on("error", () => {});
  const answer = new Promise<string>((done) => socket.on("close", () => done(received)));
  socket.write(head);
  return { socket, answer };
}

const BODY = '{"query":"{ __typename }"}';
const postHead = (length = BODY.length) =>
  `POST /graphql HTTP/1.1\r\nhost: local\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: ${length}\r\n\r\n`;

/** Status, code and request ids (header and body) of a raw HTTP answer. */
function parse(raw: string) {
  const [head, body] = raw.split("\r\n\r\n");
  const errors = (JSON.parse(body) as { errors: { extensions: { code: string; requestId: string } }[] }).errors;
  return { status: Number(head.split(" ")[1]), code: errors[0].extensions.code, sameId: /x-request-id: (\S+)/.exec(head)?.[1] === errors[0].extensions.requestId };
}

describe.each(["the gateway", "the councils subgraph"])("%s under load", (name) => {
  const port = () => endpoints[name].listening.port;

  it.each([
    ["a body trickled a byte at a time", postHead(100) + "{", " "],
    ["headers trickled a line at a time", "POST /graphql HTTP/1.1\r\nhost: local\r\n", "x-slow: 1\r\n"],
  ])("answers %s with 408 BAD_REQUEST and closes the connection", async (_case, head, drop) => {
    const client = rawRequest(port(), head);
    const trickle = setInterval(() => client.socket.write(drop), 100);
    try {
      expect(parse(await client.answer)).toEqual({ status: 408, code: "BAD_REQUEST", sameId: true });
    } finally {
      clearInterval(trickle);
    }
  });

  it("serves one request at a time, queues one more, and answers the next 503 SERVICE_UNAVAILABLE with Retry-After", async () => {
    // Each of the first two sends its headers and holds its body back: one in flight, one waiting.
    const first = rawRequest(port(), postHead());
    await new Promise((r) => setTimeout(r, 50));
    const second = rawRequest(port(), postHead());
    await new Promise((r) => setTimeout(r, 50));
    const third = await fetch(endpoints[name].listening.url, { method: "POST", headers: { "content-type": "application/json" }, body: BODY });
    const body = (await third.json()) as { errors: { extensions: { code: string } }[] };
    expect({ status: third.status, retryAfter: third.headers.get("retry-after"), code: body.errors[0].extensions.code }).toEqual({
      status: 503,
      retryAfter: "1",
      code: "SERVICE_UNAVAILABLE",
    });
    // Once the bodies arrive, both are served in turn.
    first.socket.end(BODY);
    second.socket.end(BODY);
    for (const answer of [await first.answer, await second.answer]) expect(answer).toMatch(/^HTTP\/1.1 200 [\s\S]*"__typename":"Query"/);
  });

  it("logs a client that leaves mid-body as one info line, never as an error, beside its access-log line (499)", async () => {
    const logs = endpoints[name].logs;
    const before = logs.length;
    const client = rawRequest(port(), postHead(100) + '{"query":');
    await new Promise((r) => setTimeout(r, 100));
    client.socket.destroy();
    await until(async () => logs.slice(before).some((line) => line.includes("client went away")), 5000);
    const lines = logs.slice(before).map((line) => JSON.parse(line) as { level: number; msg: string; err?: unknown; status?: number });
    expect(lines.filter(({ msg }) => msg !== "request").map(({ level, msg, err }) => ({ level, msg, err }))).toEqual([{ level: 30, msg: "client went away", err: undefined }]);
    expect(lines.filter(({ msg }) => msg === "request").map(({ level, status }) => ({ level, status }))).toEqual([{ level: 30, status: 499 }]);
  });
});

describe.each(["the gateway", "the councils subgraph"])("%s refusing a body over the limit", (name) => {
  const big = `{"query":"{ __typename }","variables":{"big":"${"x".repeat(24 * 1024 * 1024)}"}}`;
  /** The same bytes without a declared length: the limit is found while reading. */
  const chunked = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(big);
        for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.subarray(i, i + 64 * 1024));
        controller.close();
      },
    });

  it("answers 413 to a client that sends all of it first and asked for connection: close (no reset on its writes)", async () => {
    const socket: Socket = connect(roomy[name].listening.port, "127.0.0.1");
    let received = "";
    const failures: string[] = [];
    socket.on("data", (d) => (received += d));
    socket.on("error", (error: NodeJS.ErrnoException) => failures.push(error.code ?? error.message));
    const closed = new Promise((done) => socket.on("close", done));
    const payload = Buffer.from(big);
    socket.write(
      `POST /graphql HTTP/1.1\r\nhost: local\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: ${payload.length}\r\n\r\n`,
    );
    socket.end(payload);
    await closed;
    expect({ failures, status: received.split(" ")[1] }).toEqual({ failures: [], status: "413" });
  });

  it("answers 413 and closes to a client that declares a body over the limit and falls silent (lingering ends after its idle wait)", async () => {
    const socket: Socket = connect(roomy[name].listening.port, "127.0.0.1");
    let received = "";
    socket.on("data", (d) => (received += d));
    socket.on("error", () => undefined);
    const closed = new Promise((done) => socket.on("close", done));
    const started = Date.now();
    // 40 MB declared, 1 MB sent, then nothing: the server reads what comes, then answers once the client is idle.
    socket.write(`POST /graphql HTTP/1.1\r\nhost: local\r\ncontent-type: application/json\r\ncontent-length: ${40 * 1024 * 1024}\r\n\r\n`);
    socket.write(Buffer.alloc(1024 * 1024, "x"));
    await closed;
    expect(received.split(" ")[1]).toBe("413");
    expect(received).toMatch(/\r\nconnection: close\r\n/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(LINGER_IDLE_MS - 100);
  });

  it("reads a slow client's oversized body to its end, past the idle wait in total, and answers 413 without a reset", async () => {
    const socket: Socket = connect(roomy[name].listening.port, "127.0.0.1");
    let received = "";
    const failures: string[] = [];
    socket.on("data", (d) => (received += d));
    socket.on("error", (error: NodeJS.ErrnoException) => failures.push(error.code ?? error.message));
    const closed = new Promise((done) => socket.on("close", done));
    const started = Date.now();
    const chunk = Buffer.alloc(4 * 1024 * 1024, "x");
    const chunks = Math.ceil((LINGER_IDLE_MS * 1.4) / 1000);
    socket.write(`POST /graphql HTTP/1.1\r\nhost: local\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: ${chunks * chunk.length}\r\n\r\n`);
    // One chunk a second: longer in all than one idle wait, never idle for one.
    for (let i = 0; i < chunks; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      if (i === chunks - 1) socket.end(chunk);
      else socket.write(chunk);
    }
    await closed;
    expect(Date.now() - started).toBeGreaterThan(LINGER_IDLE_MS);
    expect({ failures, status: received.split(" ")[1] }).toEqual({ failures: [], status: "413" });
  });

  it.each([
    ["with a declared content-length", () => big],
    ["sent in chunks", chunked],
  ])("answers every one 413 %s: the client reads the answer, never a reset", async (_case, body) => {
    for (let i = 0; i < 10; i++) {
      const res = await fetch(roomy[name].listening.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: body(),
        duplex: "half",
      } as RequestInit);
      const answer = (await res.json()) as { errors: { extensions: { code: string; requestId?: string } }[] };
      expect({ status: res.status, code: answer.errors[0].extensions.code, id: typeof answer.errors[0].extensions.requestId }).toEqual({
        status: 413,
        code: "BAD_REQUEST",
        id: "string",
      });
    }
  });
});
