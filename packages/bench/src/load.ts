import autocannon from "autocannon";
import { cpuPerRequest, cpuSpent, readCpu, type CpuReading } from "./cpu";

export interface LoadResult {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  /** CPU milliseconds per request of each process asked for (and PostgreSQL), over the measured run. */
  cpuMsPerRequest?: CpuReading;
  /** Every response's latency in ms, and the measured seconds, so that runs of one target can be merged. */
  latencies: number[];
  seconds: number;
  /** CPU milliseconds each process spent over the measured run (not per request). */
  cpuMs?: CpuReading;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarize(latencies: number[], seconds: number, errors: number, cpuMs?: CpuReading): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    requests: latencies.length,
    errors,
    latencies,
    seconds,
    cpuMs,
    cpuMsPerRequest: cpuMs && cpuPerRequest(cpuMs, latencies.length),
  };
}

/**
 * One result of several runs of one target (the rounds of a scenario, alternated with the other targets' so that a
 * target measured first or last is not favoured by a colder or warmer machine): latencies pooled, seconds and CPU summed.
 */
export function mergeResults(results: LoadResult[]): LoadResult {
  const latencies = results.flatMap((r) => r.latencies);
  const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
  const errors = results.reduce((sum, r) => sum + r.errors, 0);
  const withCpu = results.filter((r) => r.cpuMs);
  const cpuMs = withCpu.length
    ? withCpu.reduce<CpuReading>((sum, r) => {
        for (const [name, ms] of Object.entries(r.cpuMs!)) sum[name] = (sum[name] ?? 0) + ms;
        return sum;
      }, {})
    : undefined;
  return summarize(latencies, seconds, errors, cpuMs);
}

interface LoadOptions {
  url: string;
  body?: string;
  headers?: Record<string, string>;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  /** Processes whose CPU time to read over the measured run, by name. */
  cpuOf?: Record<string, number | undefined>;
  /** Called as the measured run starts (after the warm-up). */
  onMeasuredStart?: () => void;
  /** Each request's body and headers in turn (replaces `body`): a mix of operations. */
  next?: () => { body: string; headers?: Record<string, string> };
  /** Each response's headers (of the measured run), e.g. to count the response cache's hits. */
  onHeaders?: (headers: Record<string, string>) => void;
}

function run(options: LoadOptions, seconds: number, onLatency?: (ms: number, ok: boolean) => void, measured = false): Promise<number> {
  const base = { "content-type": "application/json", ...options.headers };
  const { next, onHeaders } = options;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: "POST",
        headers: base,
        body: options.body,
        connections: options.connections,
        duration: seconds,
        ...(next
          ? {
              requests: [
                {
                  setupRequest: (request: object) => {
                    const { body, headers } = next();
                    return { ...request, method: "POST", body, headers: { ...base, ...headers } };
                  },
                  onResponse: (_status: number, _body: string, _context: unknown, headers: Record<string, string>) => {
                    if (measured) onHeaders?.(headers);
                  },
                },
              ],
            }
          : {}),
      } as autocannon.Options,
      // Failures autocannon counts itself: connection errors and timeouts (no response to time).
      (error, result) => (error ? reject(error) : resolve(result.errors + result.timeouts)),
    );
    if (onLatency) instance.on("response", (_client, status, _bytes, ms) => onLatency(ms, status >= 200 && status < 300));
  });
}

/** Warm-up (discarded), then a fixed-duration run; latencies are per response, percentiles computed from all of them. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  await run(options, options.warmupSeconds);
  const latencies: number[] = [];
  let errors = 0;
  const before = options.cpuOf && readCpu(options.cpuOf);
  options.onMeasuredStart?.();
  const failures = await run(
    options,
    options.seconds,
    (ms, ok) => {
      latencies.push(ms);
      if (!ok) errors++;
    },
    true,
  );
  return summarize(latencies, options.seconds, errors + failures, before && cpuSpent(before, readCpu(options.cpuOf!)));
}
