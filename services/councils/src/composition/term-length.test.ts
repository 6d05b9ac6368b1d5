import { latestEnd, requireTermLength } from "./term-length";

describe("term length", () => {
  it("runs to the same day the rule's years later, 28 February for a term started on 29 February", () => {
    expect(latestEnd("2026-03-01", 2)).toBe("2028-03-01");
    expect(latestEnd("2024-02-29", 2)).toBe("2026-02-28");
    expect(latestEnd("2024-02-29", 4)).toBe("2028-02-29");
  });

  it("refuses a longer term unless overridden, and checks nothing where the rule is not on record", () => {
    expect(() => requireTermLength("2026-03-01", "2028-02-29", 2, false)).not.toThrow();
    expect(() => requireTermLength("2026-03-01", "2028-03-01", 2, false)).not.toThrow();
    expect(() => requireTermLength("2026-03-01", "2028-03-02", 2, false)).toThrow(/2028-03-01 at the latest/);
    expect(() => requireTermLength("2026-03-01", "2036-02-28", 2, true)).not.toThrow();
    expect(() => requireTermLength("2026-03-01", "2036-02-28", null, false)).not.toThrow();
  });
});
