import { EdgeRejection, ErrorCode, sendRejection } from "@contagem/common";
import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { request as httpsRequest } from "node:https";

export const DOCUMENTS_PATH = "/documents";

/** Request headers the meetings subgraph reads on a document's upload or download; nothing else is passed on. */
const FORWARDED = ["authorization", "content-type", "content-length", "if-none-match", "x-request-id", "transfer-encoding"];
/** Answer headers passed back to the client (the edge sets its own security and CORS headers). */
const RETURNED = ["content-type", "content-length", "content-disposition", "etag", "cache-control", "x-content-type-options", "content-security-policy", "allow"];

export const isDocumentPath = (path: string) => path === DOCUMENTS_PATH || path.startsWith(`${DOCUMENTS_PATH}/`);

/**
 * Documents' bytes travel as plain HTTP between the client and the meetings subgraph, which owns them: uploads
 * (`POST /documents`, the file as the body) and downloads (`GET /documents/{id}/{filename}`). The gateway streams
 * both ways without buffering or parsing: the subgraph checks the token, the size, the type and the visibility.
 */
export function createDocumentRoutes(meetingsUrl: string | undefined, timeoutMs = 120_000) {
  // A gateway composed without the meetings subgraph (a partial deployment, a test) has no documents to serve.
  if (!meetingsUrl) {
    return async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> =>
      sendRejection(req, res, new EdgeRejection(503, ErrorCode.SERVICE_UNAVAILABLE, "Documents are unavailable: the meetings service is not configured.", { "retry-after": "30" }), requestId);
  }
  const origin = new URL(meetingsUrl);
  const request = origin.protocol === "https:" ? httpsRequest : httpRequest;
  return (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> =>
    new Promise((resolve) => {
      const headers: Record<string, string> = {};
      for (const name of FORWARDED) {
        const value = req.headers[name];
        if (typeof value === "string") headers[name] = value;
      }
      const upstream = request(new URL(req.url ?? DOCUMENTS_PATH, origin), { method: req.method, headers, timeout: timeoutMs }, (answer) => {
        res.statusCode = answer.statusCode ?? 502;
        for (const name of RETURNED) {
          const value = answer.headers[name];
          if (value !== undefined) res.setHeader(name, value);
        }
        answer.pipe(res);
        answer.once("end", resolve);
        answer.once("error", () => {
          res.destroy();
          resolve();
        });
      });
      const unavailable = () => {
        if (!res.headersSent) {
          sendRejection(req, res, new EdgeRejection(503, ErrorCode.SERVICE_UNAVAILABLE, "The documents service is unavailable: retry later."), requestId);
        } else res.destroy();
        resolve();
      };
      upstream.once("timeout", () => upstream.destroy(new Error("timeout")));
      upstream.once("error", unavailable);
      req.pipe(upstream);
    });
}
