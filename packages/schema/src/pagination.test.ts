import { decodeCursor, encodeCursor, idKey, intKey, stringKey, timestampKey, type CursorShape } from "./cursor";
import { pageOfList } from "./pagination";
import { pageSize } from "./page-window";

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const invalid = expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "after" } });
const byName: CursorShape = { list: "council(name,id)", keys: [stringKey(300), idKey] };
const byTime: CursorShape = { list: "meeting(startsAt,id)", keys: [timestampKey, idKey] };
const byYear: CursorShape = { list: "minutes(year,number,id)", keys: [intKey(-32768, 32767), intKey(-32768, 32767), idKey] };

describe("pagination", () => {
  it("accepts page sizes 1..100, defaulting to 20", () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
    for (const bad of [0, -1, 101, 2.5]) {
      expect(() => pageSize(bad)).toThrow(expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "first" } }));
    }
  });

  it("round-trips opaque cursors, typed as the list's sort keys", () => {
    const cursor = encodeCursor(byName, ["Conselho", 12]);
    expect(cursor).not.toContain("Conselho");
    expect(decodeCursor(cursor, byName)).toEqual(["Conselho", 12]);
    const at = new Date("2026-03-01T12:30:00.000Z");
    const [instant, id] = decodeCursor(encodeCursor(byTime, [at, 7]), byTime);
    expect(instant).toEqual(at);
    expect(id).toBe(7);
    expect(decodeCursor(encodeCursor(byYear, [2026, 6, 3]), byYear)).toEqual([2026, 6, 3]);
  });

  it("refuses anything but exactly the sort keys' types, naming the argument", () => {
    const hostile = [
      "%%%",
      "",
      "A".repeat(10_000),
      b64(["abc"]),
      b64([1e21]),
      b64([{ $ne: null }, 0]),
      b64([]),
      b64([null]),
      b64({}),
      b64("x"),
      b64(["council(name,id)", "Conselho"]),
      b64(["council(name,id)", "Conselho", 12, 13]),
      b64(["council(name,id)", { $ne: null }, 0]),
      b64(["council(name,id)", 5, 12]),
      b64(["council(name,id)", "Conselho", 0]),
      b64(["council(name,id)", "Conselho", -3]),
      b64(["council(name,id)", "Conselho", 1.5]),
      b64(["council(name,id)", "Conselho", 1e21]),
      b64(["council(name,id)", "Conselho", "12"]),
      b64(["council(name,id)", "Conselho", 2 ** 31]),
      b64(["council(name,id)", "Con\u0000selho", 12]),
      b64(["council(name,id)", "\ud800", 12]),
      b64(["council(name,id)", "x".repeat(301), 12]),
      b64(["territory(name,id)", "Eldorado", 12]),
    ];
    for (const cursor of hostile) expect(() => decodeCursor(cursor, byName)).toThrow(invalid);
    for (const when of ["2026-02-30T00:00:00.000Z", "2026-03-01", "2026-03-01T12:30:00Z", "tomorrow", 1_700_000_000_000, null]) {
      expect(() => decodeCursor(b64(["meeting(startsAt,id)", when, 1]), byTime)).toThrow(invalid);
    }
    expect(() => decodeCursor(b64(["minutes(year,number,id)", 2026, 40_000, 1]), byYear)).toThrow(invalid);
    expect(() => decodeCursor("%%%", byName, "before")).toThrow(expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "before" } }));
    expect(() => decodeCursor("%%%", byName)).toThrow(/Invalid cursor/);
  });

  it("pages a loaded list by cursor", async () => {
    const shape: CursorShape = { list: "term(id)", keys: [idKey] };
    const items = Array.from({ length: 7 }, (_, i) => ({ id: i + 1 }));
    const first = pageOfList(items, { first: 3 }, shape, (x) => [x.id]);
    expect(first.edges.map((e) => e.node.id)).toEqual([1, 2, 3]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = pageOfList(items, { first: 3, after: first.pageInfo.endCursor }, shape, (x) => [x.id]);
    expect(second.edges.map((e) => e.node.id)).toEqual([4, 5, 6]);
    const last = pageOfList(items, { first: 3, after: second.pageInfo.endCursor }, shape, (x) => [x.id]);
    expect(last.edges.map((e) => e.node.id)).toEqual([7]);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(await last.count()).toBe(7);
    expect(() => pageOfList(items, { after: b64(["term(id)", "1"]) }, shape, (x) => [x.id])).toThrow(invalid);
  });

  it("pages a loaded list backward with last/before, flags as the Relay specification says", async () => {
    const shape: CursorShape = { list: "term(id)", keys: [idKey] };
    const items = Array.from({ length: 7 }, (_, i) => ({ id: i + 1 }));
    const page = (request: Parameters<typeof pageOfList>[1]) => pageOfList(items, request, shape, (x) => [x.id]);
    const flags = async (p: ReturnType<typeof page>) => ({
      next: await resolveFlag(p.pageInfo.hasNextPage),
      previous: await resolveFlag(p.pageInfo.hasPreviousPage),
    });
    const end = page({ last: 3 });
    expect(end.edges.map((e) => e.node.id)).toEqual([5, 6, 7]);
    expect(await flags(end)).toEqual({ next: false, previous: true });
    const middle = page({ last: 3, before: end.pageInfo.startCursor });
    expect(middle.edges.map((e) => e.node.id)).toEqual([2, 3, 4]);
    // Paging backward with `before`: items exist at or after it.
    expect(await flags(middle)).toEqual({ next: true, previous: true });
    const start = page({ last: 3, before: middle.pageInfo.startCursor });
    expect(start.edges.map((e) => e.node.id)).toEqual([1]);
    expect(await flags(start)).toEqual({ next: true, previous: false });
    // `before` alone is the 20 items just before it; `after` with `before` bounds the range on both sides.
    expect(page({ before: end.pageInfo.startCursor }).edges.map((e) => e.node.id)).toEqual([1, 2, 3, 4]);
    const between = page({ after: start.pageInfo.endCursor, before: end.pageInfo.startCursor, first: 2 });
    expect(between.edges.map((e) => e.node.id)).toEqual([2, 3]);
    // Paging forward with `after`: hasPreviousPage says items exist at or before it; `first` with `before` says
    // only whether more of the range follow.
    expect(await flags(between)).toEqual({ next: true, previous: true });
    expect(await flags(page({ first: 10, after: start.pageInfo.endCursor, before: end.pageInfo.startCursor }))).toEqual({ next: false, previous: true });
    expect(await flags(page({ first: 10 }))).toEqual({ next: false, previous: false });
  });

  it("refuses first with last, sizes out of range and bad cursors, naming the argument", () => {
    const shape: CursorShape = { list: "term(id)", keys: [idKey] };
    const refused = (field: string) => expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field } });
    const page = (request: Parameters<typeof pageOfList>[1]) => () => pageOfList([{ id: 1 }], request, shape, (x) => [x.id]);
    expect(page({ first: 1, last: 1 })).toThrow(refused("last"));
    for (const bad of [0, -1, 101, 1.5]) expect(page({ last: bad })).toThrow(refused("last"));
    expect(page({ last: 100 })).not.toThrow();
    expect(page({ last: 1, before: b64(["term(id)", "1"]) })).toThrow(refused("before"));
    expect(page({ last: 1, before: encodeCursor(byName, ["Conselho", 1]) })).toThrow(refused("before"));
  });
});

/** A flag as GraphQL resolves it: a value, or a function it calls. */
const resolveFlag = async (flag: boolean | (() => Promise<boolean>)) => (typeof flag === "function" ? flag() : flag);
