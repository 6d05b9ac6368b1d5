import { ConfigError, readInt, readString, readUrl } from "./config";

describe("configuration", () => {
  it("fails fast naming the variable", () => {
    expect(() => readInt({ PORT: "80x" }, "PORT", 4000)).toThrow(new ConfigError('PORT must be an integer between 0 and 65535; got "80x".'));
    expect(() => readString({}, "DATABASE_URL")).toThrow("DATABASE_URL is required.");
    expect(() => readUrl({ DATABASE_URL: "mysql://x" }, "DATABASE_URL", ["postgres:"])).toThrow(/DATABASE_URL must use postgres:/);
  });

  it("uses defaults for unset or blank variables", () => {
    expect(readInt({ PORT: " " }, "PORT", 4000)).toBe(4000);
    expect(readString({}, "HOST", "127.0.0.1")).toBe("127.0.0.1");
  });
});
