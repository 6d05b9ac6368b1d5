import { councils } from "@contagem/councils";
import { ConfigError } from "@contagem/schema";
import { freshSchemaName, testDatabaseUrl } from "@contagem/testkit";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportOpenData } from "./open-data/export";
import { DEFAULT_OPEN_DATA_SCHEDULE, readOpenDataSchedule } from "./open-data/schedule";

describe("OPEN_DATA_SCHEDULE", () => {
  it("takes a five-field cron pattern that runs, or off", () => {
    expect(readOpenDataSchedule(undefined)).toBe(DEFAULT_OPEN_DATA_SCHEDULE);
    expect(readOpenDataSchedule(" 30 2 * * 1-5 ")).toBe("30 2 * * 1-5");
    expect(readOpenDataSchedule("off")).toBeNull();
  });

  it.each(["garbage", "* * *", "99 99 * * *", "* * * * * *", "0 3 31 2 *", "OFF"])("refuses %j with a configuration error that says why", (pattern) => {
    expect(() => readOpenDataSchedule(pattern)).toThrow(ConfigError);
    expect(() => readOpenDataSchedule(pattern)).toThrow(/OPEN_DATA_SCHEDULE must be a five-field cron pattern/);
  });
});

describe("npm run export on a database the stack never started on", () => {
  it("says to run npm start first, and writes no snapshot", async () => {
    const out = await mkdtemp(join(tmpdir(), "open-data-empty-"));
    try {
      await expect(exportOpenData([councils], { url: testDatabaseUrl(), schemas: { councils: freshSchemaName("never") }, outDir: out, settings: {} })).rejects.toThrow(
        /The database has no tables yet .*: run `npm start` once first\./,
      );
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
