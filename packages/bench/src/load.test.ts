import { mergeResults, summarize } from "./load";

test("rounds of one target merge into one result: latencies pooled, seconds and CPU summed", () => {
  const a = summarize([10, 20, 30, 40], 2, 0, { target: 80, PostgreSQL: 20 });
  const b = summarize([50, 60], 2, 1, { target: 70, PostgreSQL: 10 });
  expect(a.cpuMsPerRequest).toEqual({ target: 20, PostgreSQL: 5 });
  const merged = mergeResults([a, b]);
  expect(merged).toMatchObject({ requests: 6, seconds: 4, rps: 1.5, errors: 1, p50: 30, p99: 60 });
  // 150 ms of the target's CPU over 6 requests (25), not the mean of the rounds' figures (20 and 35).
  expect(merged.cpuMsPerRequest).toEqual({ target: 25, PostgreSQL: 5 });
  expect(mergeResults([summarize([5], 1, 0)]).cpuMsPerRequest).toBeUndefined();
});
