import { ConfigError } from "./config";
import { OperationNames, OTHER_OPERATION, readMetricsToken } from "./metrics";

describe("metrics", () => {
  it("gives the first names of validated operations their own label, and every other one the same label", () => {
    const names = new OperationNames(3);
    expect(names.label("Councils")).toBe(OTHER_OPERATION); // seen before validation: not admitted
    expect(["Councils", "Meetings", "Councils", "Minutes"].map((name) => names.admit(name))).toEqual(["Councils", "Meetings", "Councils", "Minutes"]);
    expect(names.admit("Fourth")).toBe(OTHER_OPERATION);
    expect(names.admit(undefined)).toBe(OTHER_OPERATION);
    expect(names.label("Meetings")).toBe("Meetings");
    const many = new OperationNames(1000);
    expect(many.admit("x".repeat(101))).toBe(OTHER_OPERATION);
    expect(many.admit('a"b')).toBe(OTHER_OPERATION);
  });

  it("reads METRICS_TOKEN: unset closes /metrics; a short or spaced token stops the start", () => {
    expect(readMetricsToken({})).toBeUndefined();
    expect(readMetricsToken({ METRICS_TOKEN: "  " })).toBeUndefined();
    expect(readMetricsToken({ METRICS_TOKEN: "a".repeat(32) })).toBe("a".repeat(32));
    expect(() => readMetricsToken({ METRICS_TOKEN: "short" })).toThrow(ConfigError);
    expect(() => readMetricsToken({ METRICS_TOKEN: `${"a".repeat(20)} ${"b".repeat(20)}` })).toThrow(/METRICS_TOKEN/);
  });
});
