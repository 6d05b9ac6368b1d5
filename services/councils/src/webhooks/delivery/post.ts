import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { guardedLookup, isPublicAddress, literalHost, RefusedAddress } from "./address-policy";

export interface PostOptions {
  timeoutMs: number;
  allowPrivateHosts: boolean;
}

/**
 * POSTs `body` and resolves with the receiver's HTTP status (any status: the caller decides what succeeded). No
 * redirects are followed (a 3xx is a failure: a redirect could lead past the address policy), the answer's body is
 * not read beyond draining it, and the whole exchange has one deadline.
 */
export function post(url: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<number> {
  const target = new URL(url);
  const literal = literalHost(target.hostname);
  if (!options.allowPrivateHosts && literal && !isPublicAddress(literal)) {
    return Promise.reject(new RefusedAddress(target.hostname, literal));
  }
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: options.allowPrivateHosts ? undefined : guardedLookup,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (res: IncomingMessage) => {
        res.resume();
        res.once("end", () => resolve(res.statusCode ?? 0));
        res.once("error", reject);
      },
    );
    req.once("error", reject);
    req.end(body);
  });
}
