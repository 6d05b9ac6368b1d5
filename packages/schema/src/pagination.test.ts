import { decodeCursor, encodeCursor, pageOfList, pageSize } from "./pagination";

describe("pagination", () => {
  it("accepts page sizes 1..100, defaulting to 20", () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
    for (const bad of [0, -1, 101, 2.5]) {
      expect(() => pageSize(bad)).toThrow(expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "first" } }));
    }
  });

  it("round-trips opaque cursors and refuses foreign ones", () => {
    const cursor = encodeCursor(["Conselho", 12]);
    expect(cursor).not.toContain("Conselho");
    expect(decodeCursor(cursor, 2)).toEqual(["Conselho", 12]);
    expect(() => decodeCursor(cursor, 1)).toThrow(expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "after" } }));
    expect(() => decodeCursor("%%%", 1)).toThrow(/Invalid cursor/);
  });

  it("pages a loaded list by cursor", async () => {
    const items = Array.from({ length: 7 }, (_, i) => ({ id: i + 1 }));
    const first = pageOfList(items, { first: 3 }, (x) => [x.id]);
    expect(first.edges.map((e) => e.node.id)).toEqual([1, 2, 3]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = pageOfList(items, { first: 3, after: first.pageInfo.endCursor }, (x) => [x.id]);
    expect(second.edges.map((e) => e.node.id)).toEqual([4, 5, 6]);
    const last = pageOfList(items, { first: 3, after: second.pageInfo.endCursor }, (x) => [x.id]);
    expect(last.edges.map((e) => e.node.id)).toEqual([7]);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(await last.count()).toBe(7);
  });
});
