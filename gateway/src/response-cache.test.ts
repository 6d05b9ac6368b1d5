import { canonicalJson, MAX_CACHEABLE_VARIABLES_CHARS, ResponseCache, responseCacheKey } from "./response-cache";

const answer = (n: number) => ({ data: { n } });

describe("ResponseCache", () => {
  it("drops exactly the answers that asked a subgraph a mutation asked", () => {
    const cache = new ResponseCache(60_000);
    const since = cache.now();
    cache.set("councils-only", answer(1), ["councils"], since);
    cache.set("meetings-and-councils", answer(2), ["meetings", "councils"], since);
    cache.set("participation-only", answer(3), ["participation"], since);
    expect(cache.invalidate(["meetings"])).toBe(1);
    expect(cache.get("meetings-and-councils")).toBeUndefined();
    expect(cache.get("councils-only")).toEqual(answer(1));
    expect(cache.invalidate(["councils"])).toBe(1);
    expect(cache.get("participation-only")).toEqual(answer(3));
  });

  it("does not store an answer computed before a mutation that changed what it asked", () => {
    const cache = new ResponseCache(60_000);
    const startedBeforeTheWrite = cache.now();
    cache.invalidate(["meetings"]);
    cache.set("stale", answer(1), ["meetings"], startedBeforeTheWrite);
    cache.set("unrelated", answer(2), ["councils"], startedBeforeTheWrite);
    expect(cache.get("stale")).toBeUndefined();
    expect(cache.get("unrelated")).toEqual(answer(2));
    const startedAfter = cache.now();
    cache.set("fresh", answer(3), ["meetings"], startedAfter);
    expect(cache.get("fresh")).toEqual(answer(3));
  });

  it("holds at most its budget in bytes and never an answer over 512 KiB", () => {
    const cache = new ResponseCache(60_000, 1024 * 1024);
    const big = { data: { text: "x".repeat(300_000) } };
    cache.set("big", big, ["meetings"], cache.now());
    expect(cache.get("big")).toBeUndefined();
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, { data: { text: "y".repeat(10_000) } }, ["meetings"], cache.now());
    expect(cache.size).toBeLessThan(100);
    expect(cache.size).toBeGreaterThan(10);
    const kept = cache.size;
    expect(cache.invalidate(["meetings"])).toBe(kept);
    expect(cache.size).toBe(0);
  });

  it("forgets answers after their time to live", async () => {
    const cache = new ResponseCache(20);
    cache.set("k", answer(1), ["councils"], cache.now());
    expect(cache.get("k")).toEqual(answer(1));
    await new Promise((r) => setTimeout(r, 40));
    expect(cache.get("k")).toBeUndefined();
  });
});

describe("responseCacheKey", () => {
  it("is the same for the same variables in another key order, and differs for other variables", () => {
    const q = "query($a: Int, $b: Int) { __typename }";
    expect(responseCacheKey(q, { a: 1, b: 2 }, null)).toBe(responseCacheKey(q, { b: 2, a: 1 }, undefined));
    expect(responseCacheKey(q, { a: 1, b: 3 }, null)).not.toBe(responseCacheKey(q, { a: 1, b: 2 }, null));
    expect(responseCacheKey(q, {}, "A")).not.toBe(responseCacheKey(q, {}, "B"));
  });

  it("refuses to key large variables or a document that is not a string, without copying them", () => {
    expect(responseCacheKey("{ __typename }", { s: "x".repeat(MAX_CACHEABLE_VARIABLES_CHARS) }, null)).toBeNull();
    expect(responseCacheKey({ query: 1 }, {}, null)).toBeNull();
    expect(canonicalJson({ list: Array.from({ length: 10_000 }, (_, i) => i) }, 100)).toBeNull();
    expect(canonicalJson({ b: [1, { d: null, c: "é" }], a: true }, 100)).toBe('{"a":true,"b":[1,{"c":"é","d":null}]}');
  });
});
