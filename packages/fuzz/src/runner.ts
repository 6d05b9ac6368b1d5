import { Agent } from "node:http";
import { generate, type Plan } from "./generator";
import { checkHealth } from "./health";
import { clip, judge, requestText, type FailureKind, type Finding } from "./oracle";
import { send, type Answer } from "./send";

/** One failing answer: enough to group it, and the index to generate its request again for the report. */
export interface Failure {
  kind: FailureKind;
  detail: string;
  /** The kind and the detail with ids, numbers and quoted input blanked: failures with one cause share it. */
  signature: string;
  index: number;
  target: string;
  category: string;
  label: string;
  as: string;
  response: { status: string; headers?: Record<string, unknown>; body?: string; ms: number };
}

export interface RunResult {
  seed: number;
  operations: number;
  durationMs: number;
  byStatus: Record<string, number>;
  byCode: Record<string, number>;
  byCategory: Record<string, number>;
  byTarget: Record<string, number>;
  /** 429 answers, waited out and retried: not failures. */
  rateLimited: number;
  /** 503 SERVICE_UNAVAILABLE with Retry-After (load shedding), waited out and retried. */
  shed: number;
  /** Requests that got no answer in time and were sent once more (a hang only if the second try got none either). */
  retriedAfterTimeout: number;
  notes: Record<string, number>;
  failures: Failure[];
}

export interface RunOptions {
  concurrency?: number;
  /** An answer slower than this is a hang. */
  timeoutMs?: number;
  onProgress?: (done: number, result: RunResult) => void;
  /** Where to say things while running (the 429 hint). */
  log?: (line: string) => void;
  /** Longest Retry-After honoured; beyond it the wait is capped. */
  maxRetryAfterMs?: number;
  /** First request of the run to send (to go on past a crash, after restarting the system). */
  from?: number;
}

const bump = (counts: Record<string, number>, key: string, by = 1) => (counts[key] = (counts[key] ?? 0) + by);

/** Blanks what varies between failures of one cause (request ids, numbers, the client's input). */
export function signatureOf(finding: Finding, target: string): string {
  const blank = (text: string, digits: RegExp) =>
    text
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<uuid>")
      .replace(/fuzz-\d+-\d+/g, "<request-id>")
      .replace(digits, "N");
  // A group is ours (labels, phases): only sizes blanked. A detail is the server's message: the client's input too.
  const what = finding.group ? blank(finding.group, /\d{3,}/g) : blank(finding.detail.replace(/"(?:[^"\\]|\\.)*"/g, '"…"'), /\d+/g);
  return `${finding.kind} @${target}: ${clip(what, 160)}`;
}

/** 503 with a numeric Retry-After and SERVICE_UNAVAILABLE: the answer of an in-flight cap, not of a fault. */
function isShed(answer: Answer): answer is Extract<Answer, { kind: "response" }> {
  if (answer.kind !== "response" || answer.status !== 503 || !/^\d+$/.test(String(answer.headers["retry-after"] ?? ""))) return false;
  return answer.body.toString("utf8").includes('"SERVICE_UNAVAILABLE"');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a plan: every request generated, sent, judged; then the system's health. */
export async function runFuzz(plan: Plan, options: RunOptions = {}): Promise<RunResult> {
  const concurrency = options.concurrency ?? 4;
  const timeoutMs = options.timeoutMs ?? 5000;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const urls = Object.fromEntries(plan.targets.map((t) => [t.name, t.url]));
  const result: RunResult = {
    seed: plan.seed,
    operations: 0,
    durationMs: 0,
    byStatus: {},
    byCode: {},
    byCategory: {},
    byTarget: {},
    rateLimited: 0,
    shed: 0,
    retriedAfterTimeout: 0,
    notes: {},
    failures: [],
  };
  const started = Date.now();
  let hinted = false;

  // The last requests each target answered: when it stops answering, they are the suspects (a crash may answer its
  // request first and die of what was left running, or die while reading a body). A target is down once it refuses
  // a connection and never answers again; a refusal it recovers from is only that request's connection-error.
  const recent: Record<string, string[]> = {};
  const inFlight: Record<string, Set<number>> = {};
  const down = new Map<string, Failure>();
  const noteLiveness = (target: string, index: number, answer: Answer) => {
    const refused = answer.kind === "connection-error" && answer.code === "ECONNREFUSED";
    if (!refused) {
      down.delete(target);
      const outcome = answer.kind === "response" ? `HTTP ${answer.status}` : answer.kind === "timeout" ? "no answer" : `${answer.code}`;
      (recent[target] ??= []).push(`#${index} (${outcome})`);
      if (recent[target].length > 5) recent[target].shift();
    } else if (recent[target]?.length && !down.has(target)) {
      const suspects = recent[target];
      const flying = [...(inFlight[target] ?? [])].filter((i) => i !== index);
      down.set(target, {
        kind: "stack-unhealthy",
        detail:
          `${target} stopped answering (connection refused from request #${index}); the last requests it answered: ${suspects.join(", ")}` +
          (flying.length ? `; still in flight: #${flying.join(", #")}` : ""),
        signature: `stack-unhealthy @${target}: stopped answering during the run`,
        index: Number(/#(\d+)/.exec(suspects[suspects.length - 1])?.[1] ?? index),
        target,
        category: "health",
        label: `${target} went down`,
        as: "anonymous",
        response: { status: "connection-error", body: answer.message, ms: answer.ms },
      });
    }
  };

  const exchange = async (index: number) => {
    const request = generate(plan, index);
    const flying = (inFlight[request.target] ??= new Set());
    flying.add(index);
    let answer: Answer;
    for (let attempt = 0, shed = 0; ; attempt++) {
      answer = await send(urls[request.target], request, { timeoutMs, agent });
      // Load shedding (an in-flight cap): waited out like a 429, a few times; a 503 that does not clear is judged.
      if (isShed(answer) && shed < 3) {
        shed++;
        result.shed++;
        await sleep(Math.min(Number(answer.headers["retry-after"]) * 1000, options.maxRetryAfterMs ?? 60_000));
        continue;
      }
      if (answer.kind !== "response" || answer.status !== 429 || attempt >= 50) break;
      // The gateway's rate limit is a product feature, not a failure: wait as told and send the same request again.
      result.rateLimited++;
      if (!hinted) {
        hinted = true;
        options.log?.("Rate limited (HTTP 429): waiting Retry-After between requests. `RATE_LIMIT_PER_MINUTE=0 npm start` makes the run fast.");
      }
      const seconds = Number(answer.headers["retry-after"]);
      await sleep(Math.min(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000, options.maxRetryAfterMs ?? 60_000));
    }
    // A request that got no answer is sent once more, alone in its turn and with four times the wait: the servers
    // share a machine (in the suite, one process) whose pauses (collection, a busy neighbour) stall every target at
    // once for a few seconds. A request that hangs again is a hang; one answered the second time is judged by that answer.
    if (answer.kind === "timeout") {
      result.retriedAfterTimeout++;
      answer = await send(urls[request.target], request, { timeoutMs: timeoutMs * 4, agent });
    }
    flying.delete(index);
    noteLiveness(request.target, index, answer);
    const verdict = judge(request, answer, requestText(request));
    result.operations++;
    bump(result.byStatus, verdict.status);
    bump(result.byCategory, request.category);
    bump(result.byTarget, request.target);
    for (const code of verdict.codes) bump(result.byCode, code);
    for (const note of verdict.notes) bump(result.notes, note.replace(/\d{4,}/g, "N"));
    for (const finding of verdict.findings) {
      result.failures.push({
        ...finding,
        signature: signatureOf(finding, request.target),
        index,
        target: request.target,
        category: request.category,
        label: request.label,
        as: request.as,
        response:
          answer.kind === "response"
            ? { status: String(answer.status), headers: answer.headers, body: clip(answer.body.toString("utf8"), 4000), ms: answer.ms }
            : { status: answer.kind, body: answer.kind === "connection-error" ? `${answer.code}: ${answer.message}` : undefined, ms: answer.ms },
      });
    }
    options.onProgress?.(result.operations, result);
  };

  // When nothing answers any more (a process crashed and the launcher stopped the rest), going on would only add
  // thousands of identical refusals: the run stops, and the health check below says so.
  let refusedInARow = 0;
  let firstRefused: number | undefined;
  let stoppedAt: number | undefined;
  const track = (failure: Failure | undefined, index: number) => {
    const refused = failure?.kind === "connection-error" && failure.detail.startsWith("ECONNREFUSED");
    refusedInARow = refused ? refusedInARow + 1 : 0;
    if (refused && refusedInARow === 1) firstRefused = index;
    if (refusedInARow >= 25 && stoppedAt === undefined) {
      stoppedAt = index;
      options.log?.(
        `Nothing answers any more (25 refused connections in a row, from request #${firstRefused}): stopping the run. ` +
          `Restart the system and go on with --from ${firstRefused}.`,
      );
    }
  };
  let next = options.from ?? 0;
  const worker = async () => {
    for (let index = next++; index < plan.operations && stoppedAt === undefined; index = next++) {
      const before = result.failures.length;
      await exchange(index);
      track(result.failures.slice(before).find((f) => f.index === index && f.kind === "connection-error"), index);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  result.failures.push(...down.values());
  for (const finding of await checkHealth(plan.targets)) {
    result.failures.push({
      ...finding,
      signature: signatureOf(finding, "system"),
      index: -1,
      target: "system",
      category: "health",
      label: "after the run",
      as: "anonymous",
      response: { status: "-", body: finding.detail, ms: 0 },
    });
  }
  if (stoppedAt !== undefined) bump(result.notes, `run stopped early: nothing answered from request #${firstRefused}`);
  result.durationMs = Date.now() - started;
  return result;
}
