import type { Target } from "./model";
import type { Finding } from "./oracle";

async function check(what: string, url: string, init: RequestInit, ok: (status: number, body: string) => boolean): Promise<Finding | null> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
    const body = await res.text();
    return ok(res.status, body) ? null : { kind: "stack-unhealthy", detail: `${what}: HTTP ${res.status} ${body.slice(0, 200)}` };
  } catch (error) {
    return { kind: "stack-unhealthy", detail: `${what}: ${(error as Error).message}` };
  }
}

const query = (q: string): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: q }) });

/**
 * After a run, the system must still be up and still answer: the gateway live, ready, and serving a plain
 * query; each subgraph ready and answering. A crash or a wedged pool shows here even when every answer looked fine.
 */
export async function checkHealth(targets: Target[]): Promise<Finding[]> {
  const checks: Promise<Finding | null>[] = [];
  for (const target of targets) {
    const base = new URL(target.url);
    const at = (path: string) => new URL(path, base).toString();
    if (target.name === "gateway") {
      checks.push(check("gateway /healthz", at("/healthz"), {}, (s) => s === 200));
      checks.push(check("gateway /readyz", at("/readyz"), {}, (s) => s === 200));
      checks.push(
        check("gateway { councils(first: 1) { totalCount } }", target.url, query("{ councils(first: 1) { totalCount } }"), (s, body) => {
          return s === 200 && /"totalCount":\d+/.test(body) && !body.includes('"errors"');
        }),
      );
    } else {
      checks.push(check(`${target.name} /readyz`, at("/readyz"), {}, (s) => s === 200));
      checks.push(check(`${target.name} { __typename }`, target.url, query("{ __typename }"), (s, body) => s === 200 && body.includes('"Query"')));
    }
  }
  return (await Promise.all(checks)).filter((f): f is Finding => f !== null);
}
