import {
  DEFAULT_CIVIL_TIME_ZONE,
  ageOn,
  checkTimeZone,
  civilDate,
  civilInstant,
  civilTimeZone,
  civilTimestampSql,
  civilToday,
  civilYear,
  readCivilTimeZone,
  startOfCivilDay,
  startOfCivilHour,
  startOfCivilYear,
  useCivilTimeZone,
} from "./civil-time";
import { ConfigError } from "@contagem/common";

/**
 * Contagem's calendar facts of instants near the turn of a day and of a year. packages/stack/src/civil-time.tz.test.ts
 * runs this file again with the process's TZ set to UTC and to America/Sao_Paulo: no expectation may depend on the
 * host's zone.
 */
const instant = (iso: string) => new Date(iso);

afterEach(() => useCivilTimeZone(DEFAULT_CIVIL_TIME_ZONE));

it("runs under the TZ it was started with (when the TZ matrix says which)", () => {
  if (process.env.EXPECT_TZ) expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.EXPECT_TZ);
});

describe("the civil date and year of an instant", () => {
  it.each([
    ["2025-12-31T20:59:00-03:00", "2025-12-31", 2025],
    ["2025-12-31T21:00:00-03:00", "2025-12-31", 2025],
    ["2025-12-31T21:30:00-03:00", "2025-12-31", 2025],
    ["2025-12-31T23:59:59.999-03:00", "2025-12-31", 2025],
    ["2026-01-01T00:00:00-03:00", "2026-01-01", 2026],
    ["2026-03-10T21:30:00-03:00", "2026-03-10", 2026],
    ["2026-03-11T02:59:59Z", "2026-03-10", 2026],
    ["2026-03-11T03:00:00Z", "2026-03-11", 2026],
  ])("%s is %s, in %d", (iso, date, year) => {
    expect(civilDate(instant(iso))).toBe(date);
    expect(civilYear(instant(iso))).toBe(year);
    expect(civilToday(instant(iso))).toBe(date);
  });

  it("follows the zone's history, not today's offset: New Year 2019 came at 02:00 UTC, in daylight saving time", () => {
    // São Paulo has had no DST since 2019; a fixed -03:00 would put 02:30 UTC on 31 December 2018.
    expect(civilYear(instant("2019-01-01T02:30:00Z"))).toBe(2019);
    expect(civilDate(instant("2019-01-01T01:59:59Z"))).toBe("2018-12-31");
    expect(startOfCivilYear(2019).toISOString()).toBe("2019-01-01T02:00:00.000Z");
    expect(civilInstant("2018-12-31T21:30").toISOString()).toBe("2018-12-31T23:30:00.000Z");
  });
});

describe("instants of civil days, years and hours", () => {
  it("starts days and years at Contagem's midnight", () => {
    expect(startOfCivilDay("2026-03-10").toISOString()).toBe("2026-03-10T03:00:00.000Z");
    expect(startOfCivilYear(2026).toISOString()).toBe("2026-01-01T03:00:00.000Z");
    expect(civilInstant("2025-12-31T21:30").toISOString()).toBe("2026-01-01T00:30:00.000Z");
  });

  it("starts a day that DST skipped midnight of at the first instant it had (4 November 2018 began at 01:00)", () => {
    expect(startOfCivilDay("2018-11-04").toISOString()).toBe("2018-11-04T03:00:00.000Z");
    expect(civilDate(startOfCivilDay("2018-11-04"))).toBe("2018-11-04");
    expect(civilInstant("2018-11-04T00:30").toISOString()).toBe("2018-11-04T03:30:00.000Z");
  });

  it("truncates to the civil hour, which is not UTC's in a zone with a half-hour offset", () => {
    expect(startOfCivilHour(instant("2026-03-10T21:47:12-03:00")).toISOString()).toBe("2026-03-11T00:00:00.000Z");
    useCivilTimeZone("Asia/Kolkata");
    expect(startOfCivilHour(instant("2026-03-10T10:47:00Z")).toISOString()).toBe("2026-03-10T10:30:00.000Z");
  });
});

describe("ages", () => {
  it("counts completed years on a civil date", () => {
    expect(ageOn("2010-03-10", "2026-03-09")).toBe(15);
    expect(ageOn("2010-03-10", "2026-03-10")).toBe(16);
    expect(ageOn("2008-01-01", "2025-12-31")).toBe(17);
    expect(ageOn("2008-01-01", "2026-01-01")).toBe(18);
  });

  it("lets someone born on 29 February come of age on 1 March of a common year", () => {
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageOn("2008-02-29", "2026-03-01")).toBe(18);
    expect(ageOn("2008-02-29", "2024-02-29")).toBe(16);
  });

  it("is the age on Contagem's today, not UTC's, at 21:30 the evening before a birthday", () => {
    const evening = instant("2026-03-09T21:30:00-03:00");
    expect(ageOn("2010-03-10", civilToday(evening))).toBe(15);
  });
});

describe("the configured zone", () => {
  it("defaults to America/Sao_Paulo and takes any IANA name, canonically spelt", () => {
    expect(readCivilTimeZone({})).toBe("America/Sao_Paulo");
    expect(readCivilTimeZone({ CIVIL_TIME_ZONE: " " })).toBe("America/Sao_Paulo");
    expect(readCivilTimeZone({ CIVIL_TIME_ZONE: "america/sao_paulo" })).toBe("America/Sao_Paulo");
    expect(readCivilTimeZone({ CIVIL_TIME_ZONE: "Europe/Lisbon" })).toBe("Europe/Lisbon");
    expect(checkTimeZone("UTC")).toBe("UTC");
  });

  it.each(["-03:00", "+00:00", "Mars/Olympus_Mons", "America/Sao_Paulo'; drop table x; --", "", "BRT 3"])(
    "refuses %j, naming the variable",
    (value) => {
      expect(() => checkTimeZone(value)).toThrow(ConfigError);
      expect(() => checkTimeZone(value)).toThrow(/CIVIL_TIME_ZONE/);
    },
  );

  it("moves every fact with it, and the SQL names it", () => {
    useCivilTimeZone("Asia/Tokyo");
    expect(civilTimeZone()).toBe("Asia/Tokyo");
    expect(civilDate(instant("2025-12-31T21:30:00-03:00"))).toBe("2026-01-01");
    expect(civilTimestampSql("t.at")).toBe("(t.at at time zone 'Asia/Tokyo')");
  });
});
