import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { once } from "node:events";
import { generate, type Plan } from "./generator";
import { clip, FAILURE_KINDS } from "./oracle";
import { isOversized, type FuzzRequest } from "./request";
import type { Failure, RunResult } from "./runner";
import { tokenCommand } from "./tokens";

/** A request as a report shows it: tokens replaced by how to mint them, huge bodies by their recipe. */
export interface ReportedRequest {
  index: number;
  target: string;
  as: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  curl: string;
}

const MAX_BODY = 256 * 1024;
const shellQuote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

export function describeRequest(plan: Plan, request: FuzzRequest): ReportedRequest {
  const target = plan.targets.find((t) => t.name === request.target);
  const url = `${target?.url ?? request.target}${request.search ?? ""}`;
  const headers = { ...request.headers };
  const credential = plan.credentials.find((c) => c.authorization && c.authorization === headers.authorization);
  const mint = tokenCommand(request.as);
  if (credential?.secret) headers.authorization = mint ? `Bearer $(${mint})` : `Bearer <${request.as} token, see tokens.ts>`;
  let body: string | undefined;
  let curlBody = "";
  if (isOversized(request.body)) {
    const { bytes, prefix, fill, repeat, suffix } = request.body;
    body = `<${bytes} bytes: ${JSON.stringify(prefix)} + ${JSON.stringify(fill)} × ${repeat} + ${JSON.stringify(suffix)}>`;
    curlBody = ` --data-binary @<(node -e ${shellQuote(`process.stdout.write(${JSON.stringify(prefix)}+${JSON.stringify(fill)}.repeat(${repeat})+${JSON.stringify(suffix)})`)})`;
  } else if (request.body !== undefined && request.encoding && request.encoding !== "utf8") {
    // Bytes that are not UTF-8: the text is shown as it was written, the curl rebuilds the bytes.
    body = `<${request.encoding} bytes of> ${clip(request.body, MAX_BODY)}`;
    curlBody = ` --data-binary @<(node -e ${shellQuote(`process.stdout.write(Buffer.from(${JSON.stringify(request.body)}, ${JSON.stringify(request.encoding)}))`)})`;
  } else if (request.body !== undefined) {
    body = request.body.length > MAX_BODY ? `${request.body.slice(0, MAX_BODY)}…<${request.body.length} characters in all; regenerate with --seed ${plan.seed} --only ${request.index}>` : request.body;
    curlBody = request.body.length > 8192 ? " --data-binary @body.json" : ` --data-binary ${shellQuote(request.body)}`;
  }
  const curlHeaders = Object.entries(headers)
    .map(([k, v]) => ` -H ${k === "authorization" && credential?.secret && mint ? `"${k}: ${v}"` : shellQuote(`${k}: ${v}`)}`)
    .join("");
  return { index: request.index, target: request.target, as: request.as, method: request.method, url, headers, body, curl: `curl -sS -X ${request.method} ${shellQuote(url)}${curlHeaders}${curlBody}` };
}

const table = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(", ") || "none";

/** Failures counted by kind, in the oracle's order. */
export function countByKind(failures: Failure[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of FAILURE_KINDS) {
    const n = failures.filter((f) => f.kind === kind).length;
    if (n) counts[kind] = n;
  }
  return counts;
}

/** Failure signatures by kind, most frequent first: each is usually one bug. */
function signatures(failures: Failure[]): Map<string, { count: number; first: Failure }> {
  const bySignature = new Map<string, { count: number; first: Failure }>();
  for (const f of failures) {
    const known = bySignature.get(f.signature);
    if (known) known.count++;
    else bySignature.set(f.signature, { count: 1, first: f });
  }
  return new Map([...bySignature].sort((a, b) => b[1].count - a[1].count));
}

export function formatSummary(result: RunResult, options: { signaturesPerKind?: number } = {}): string {
  const perKind = options.signaturesPerKind ?? 8;
  const lines = [
    `Fuzz run, seed ${result.seed}: ${result.operations} operations in ${(result.durationMs / 1000).toFixed(1)} s`,
    `  by target:     ${table(result.byTarget)}`,
    `  by category:   ${table(result.byCategory)}`,
    `  by HTTP status: ${table(result.byStatus)}`,
    `  by error code: ${table(result.byCode)}`,
    `  rate limited (429, retried): ${result.rateLimited}; shed (503 with Retry-After, retried): ${result.shed}; no answer in time, sent again: ${result.retriedAfterTimeout}`,
  ];
  if (Object.keys(result.notes).length) lines.push(`  notes (not failures): ${table(result.notes)}`);
  const kinds = countByKind(result.failures);
  lines.push(`  failures: ${Object.keys(kinds).length ? table(kinds) : "none"}`);
  for (const kind of Object.keys(kinds)) {
    const sigs = [...signatures(result.failures.filter((f) => f.kind === kind))];
    lines.push(`  ${kind} (${kinds[kind]}, ${sigs.length} distinct):`);
    for (const [signature, { count, first }] of sigs.slice(0, perKind)) {
      lines.push(`    ${String(count).padStart(5)} × ${signature}  [e.g. #${first.index} ${first.category}: ${clip(first.label, 70)}]`);
    }
    if (sigs.length > perKind) lines.push(`    … ${sigs.length - perKind} more in the report`);
  }
  return lines.join("\n");
}

/** Up to `count` failures of different signatures, of different categories first, then of different targets. */
function examplesOf(failures: Failure[], count: number): Failure[] {
  const firsts = [...signatures(failures).values()].map((s) => s.first);
  const chosen: Failure[] = [];
  for (const key of [(f: Failure) => f.category, (f: Failure) => f.target, (f: Failure) => f.signature]) {
    for (const f of firsts) {
      if (chosen.length < count && !chosen.some((c) => c === f || key(c) === key(f))) chosen.push(f);
    }
  }
  return chosen;
}

/** For a failing test: counts by kind, the main signatures of each, and `examples` requests per kind. */
export function failureMessage(plan: Plan, result: RunResult, examples = 3): string {
  const kinds = countByKind(result.failures);
  const parts = [`${result.failures.length} failures in ${result.operations} operations (seed ${result.seed}): ${table(kinds)}`];
  for (const kind of Object.keys(kinds)) {
    const failures = result.failures.filter((f) => f.kind === kind);
    const sigs = [...signatures(failures)];
    parts.push("", `== ${kind}: ${kinds[kind]} (${sigs.length} distinct)`);
    for (const [signature, { count }] of sigs.slice(0, 5)) parts.push(`  ${String(count).padStart(5)} × ${signature}`);
    if (sigs.length > 5) parts.push(`        … ${sigs.length - 5} more`);
    for (const f of examplesOf(failures, examples)) {
      if (f.index < 0) {
        parts.push(`  e.g. ${f.detail}`);
        continue;
      }
      const request = describeRequest(plan, generate(plan, f.index));
      parts.push(
        `  e.g. #${f.index} ${f.category} at ${f.target} as ${f.as}: ${clip(f.label, 100)}`,
        `    ${request.method} ${clip(request.url, 200)} ${clip(JSON.stringify(request.body ?? ""), 400)}`,
        `    → ${f.response.status}: ${clip(f.detail, 300)}`,
      );
    }
  }
  return parts.join("\n");
}

/**
 * Writes every failure with its whole request and the answer to a JSON file. Requests are generated again from
 * the plan (they are not kept during the run: a long run would hold megabytes of bodies).
 */
export async function writeReport(plan: Plan, result: RunResult, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  const { failures, ...counts } = result;
  await write(`{"summary":${JSON.stringify({ ...counts, failuresByKind: countByKind(failures) })},\n"failures":[\n`);
  for (let i = 0; i < failures.length; i++) {
    const f = failures[i];
    const request = f.index >= 0 ? describeRequest(plan, generate(plan, f.index)) : undefined;
    await write(`${i ? ",\n" : ""}${JSON.stringify({ ...f, request })}`);
  }
  await write("\n]}\n");
  out.end();
  await once(out, "finish");
}
