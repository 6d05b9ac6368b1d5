import { placeOf, summarizeProfile, type CpuProfile } from "./profile-summary";

/**
 * A V8 profile of four frames under the root: graphql's execute (which called the native `writev`), the garbage
 * collector and idle time. Samples: 1 ms each (timeDeltas in µs), starting at t = 1,000,000 µs.
 */
const EXECUTE = "file:///app/node_modules/graphql/execution/execute.js";
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1 }, children: [2, 4, 5, 6] },
    { id: 2, callFrame: { functionName: "executeField", url: EXECUTE, lineNumber: 701 }, children: [3] },
    { id: 3, callFrame: { functionName: "writev", url: "", lineNumber: -1 } },
    { id: 4, callFrame: { functionName: "(garbage collector)", url: "", lineNumber: -1 } },
    { id: 5, callFrame: { functionName: "(idle)", url: "", lineNumber: -1 } },
    { id: 6, callFrame: { functionName: "handler", url: "file:///app/gateway/dist/server.js", lineNumber: 10 } },
  ],
  // executeField ×3, writev ×2, GC ×1, idle ×3, handler ×1; then one last sample without a duration.
  samples: [2, 2, 2, 3, 3, 4, 5, 5, 5, 6, 6],
  timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
  startTime: 1_000_000,
  endTime: 1_011_000,
};

test("places name the package, our workspace, Node or V8", () => {
  expect(placeOf(EXECUTE, "executeField")).toBe("graphql");
  expect(placeOf("file:///app/node_modules/@mikro-orm/core/entity/EntityHelper.js", "x")).toBe("@mikro-orm/core");
  expect(placeOf("file:///app/gateway/dist/server.js", "handler")).toBe("ours: @contagem/gateway");
  expect(placeOf("file:///app/services/meetings/dist/loaders.js", "f")).toBe("ours: services/meetings");
  expect(placeOf("node:internal/http", "f")).toBe("Node.js built-ins");
  expect(placeOf("", "(garbage collector)")).toBe("V8: garbage collector");
  expect(placeOf("", "writev")).toBe("native: writev");
});

test("self time by place leaves idle out, and charges native work to its nearest caller that is code", () => {
  const summary = summarizeProfile(profile);
  // 10 samples have a duration (the last has none); 3 of them idle.
  expect(summary.busyMs).toBe(7);
  const place = (name: string) => summary.byPlace.find((p) => p.place === name);
  expect(place("graphql")).toMatchObject({ ms: 3, withCallsMs: 5 });
  expect(place("native: writev")).toMatchObject({ ms: 2, withCallsMs: 0 });
  expect(place("V8: garbage collector")).toMatchObject({ ms: 1, withCallsMs: 1 });
  expect(place("ours: @contagem/gateway")?.ms).toBe(1);
  expect(summary.byPlace[0].place).toBe("graphql");
  expect(summary.topFunctions[0]).toMatchObject({ name: "executeField execute.js:702", place: "graphql", ms: 3 });
});

test("a window keeps only the samples taken within it", () => {
  // Sample i is taken at 1,000,000 + 1,000·i µs: the window [1,000,000, 1,002,000] holds executeField's three.
  const summary = summarizeProfile(profile, { fromUs: 1_000_000, toUs: 1_002_000 });
  expect(summary.busyMs).toBe(3);
  expect(summary.byPlace.map((p) => p.place)).toEqual(["graphql"]);
});
