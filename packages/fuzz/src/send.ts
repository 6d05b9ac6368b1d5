import { Agent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { bodyBytes, type FuzzRequest } from "./request";

/** What came back for a request: an HTTP response, nothing in time, or a broken connection. */
export type Answer =
  | { kind: "response"; status: number; headers: IncomingHttpHeaders; body: Buffer; truncated: boolean; ms: number }
  | { kind: "timeout"; ms: number }
  | { kind: "connection-error"; code: string; message: string; ms: number };

export interface SendOptions {
  timeoutMs: number;
  agent: Agent;
  /** Responses are kept up to this size (a thousand aliases of a page can answer megabytes). */
  maxResponseBytes?: number;
}

/**
 * Sends one request with node:http rather than fetch: fetch refuses GET bodies and some methods and headers, and
 * hides how a connection broke. The timeout covers the whole exchange, to the last byte of the answer.
 */
export async function send(url: string, request: FuzzRequest, options: SendOptions): Promise<Answer> {
  const first = await attempt(url, request, options, options.agent);
  // A kept-alive socket the server closed while idle breaks before our request reached it: try once more, fresh.
  if (first.kind === "connection-error" && first.code === "REUSED_SOCKET") return attempt(url, request, options, false);
  return first;
}

function attempt(url: string, request: FuzzRequest, options: SendOptions, agent: Agent | false): Promise<Answer> {
  const target = new URL(url);
  const body = bodyBytes(request.body, request.encoding);
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const max = options.maxResponseBytes ?? 8 * 1024 * 1024;
  return new Promise<Answer>((resolve) => {
    let settled = false;
    let responded = false;
    const done = (answer: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const headers: Record<string, string | number> = { ...request.headers };
    if (body) headers["content-length"] = body.length;
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        // Not through URL: a broken percent-encoding must reach the server as it was written.
        path: target.pathname + (request.search ?? ""),
        headers,
        agent,
      },
      (res) => {
        responded = true;
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        res.on("data", (chunk: Buffer) => {
          if (size + chunk.length > max) {
            truncated = true;
            res.destroy();
            return;
          }
          size += chunk.length;
          chunks.push(chunk);
        });
        const finish = () => done({ kind: "response", status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), truncated, ms: ms() });
        res.on("end", finish);
        res.on("close", finish);
        res.on("error", finish);
      },
    );
    const timer = setTimeout(() => {
      done({ kind: "timeout", ms: ms() });
      req.destroy();
    }, options.timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) => {
      // The server answered (say 413) and closed while we were still writing: the answer is what counts.
      if (responded) return;
      const code = req.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE") ? "REUSED_SOCKET" : (error.code ?? "ERROR");
      done({ kind: "connection-error", code, message: error.message, ms: ms() });
    });
    req.end(body);
  });
}
