import { Temporal } from "temporal-polyfill";
import { ConfigError, type Env } from "@contagem/common";

/**
 * Civil time is the municipality's. A meeting at 21:30 on 31 December in Contagem is 00:30 UTC on 1 January: its
 * label, the year its minutes and resolutions are numbered in, the date of what it adopts, the term in force, "today"
 * and people's ages are Contagem's calendar facts, whatever the server's `TZ` or the database session's `TimeZone`.
 * Every such fact is computed here, with Temporal and the IANA time zone data (no offset arithmetic: the offset is
 * the zone's to decide, as it was when Brazil still had daylight saving time, until 2019).
 */
export const DEFAULT_CIVIL_TIME_ZONE = "America/Sao_Paulo";

// IANA names only: a bare offset ("-03:00") would freeze today's offset, and PostgreSQL's AT TIME ZONE reads a
// POSIX-style offset with the opposite sign. The name is also what SQL embeds, so nothing else may pass.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** An IANA time zone name the runtime knows, in its canonical spelling; ConfigError naming `variable` otherwise. */
export function checkTimeZone(name: string, variable = "CIVIL_TIME_ZONE"): string {
  const bad = () =>
    new ConfigError(`${variable} must be an IANA time zone name such as ${DEFAULT_CIVIL_TIME_ZONE}; got ${JSON.stringify(name)}.`);
  if (!ZONE_NAME.test(name)) throw bad();
  try {
    return Temporal.Now.zonedDateTimeISO(name).timeZoneId;
  } catch {
    throw bad();
  }
}

/** `CIVIL_TIME_ZONE`, validated (default America/Sao_Paulo). */
export const readCivilTimeZone = (env: Env): string => checkTimeZone(env.CIVIL_TIME_ZONE?.trim() || DEFAULT_CIVIL_TIME_ZONE);

let zone = DEFAULT_CIVIL_TIME_ZONE;

/** Set once at start from the configuration (a subgraph process does it before it serves anything). */
export function useCivilTimeZone(name: string): void {
  zone = checkTimeZone(name);
}

export const civilTimeZone = (): string => zone;

const zoned = (instant: Date) => Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone);
const toDate = (at: Temporal.ZonedDateTime) => new Date(at.epochMilliseconds);

/** The civil date, `YYYY-MM-DD`, of an instant. */
export const civilDate = (instant: Date): string => zoned(instant).toPlainDate().toString();

/** The civil year of an instant: the year a meeting belongs to, and its minutes' and resolutions' numbering year. */
export const civilYear = (instant: Date): number => zoned(instant).year;

/** Today's civil date. */
export const civilToday = (now: Date = new Date()): string => civilDate(now);

/** The first instant of a civil day (`YYYY-MM-DD`): midnight, or the end of a daylight-saving gap that skipped it. */
export const startOfCivilDay = (date: string): Date => toDate(Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }));

/** The first instant of a civil year; the year runs until the first instant of the next. */
export const startOfCivilYear = (year: number): Date =>
  toDate(Temporal.PlainDate.from({ year, month: 1, day: 1 }).toZonedDateTime({ timeZone: zone }));

/** The instant of a civil wall-clock time, `YYYY-MM-DDTHH:mm` (a time skipped by a DST change moves forward). */
export const civilInstant = (dateTime: string): Date =>
  toDate(Temporal.PlainDateTime.from(dateTime).toZonedDateTime(zone, { disambiguation: "compatible" }));

/** The start of the civil hour an instant falls in (equal to UTC's only in zones with whole-hour offsets). */
export const startOfCivilHour = (instant: Date): Date => toDate(zoned(instant).round({ smallestUnit: "hour", roundingMode: "floor" }));

/**
 * Completed years of age on a civil date. Someone born on 29 February comes of age on 1 March in a common year: a
 * year is counted to the same day and month, or to the next day when the month has no such day (Civil Code art. 132
 * §3; Law 810/1949 art. 3).
 */
export const ageOn = (birthDate: string, on: string): number =>
  Temporal.PlainDate.from(birthDate).until(Temporal.PlainDate.from(on), { largestUnit: "years" }).years;

/**
 * SQL for the civil wall-clock time (a `timestamp` without zone) of a `timestamptz` expression. `AT TIME ZONE` with
 * the zone's name uses PostgreSQL's own IANA data and does not depend on the session's `TimeZone`. The name is
 * embedded, not bound, so that the expression can be grouped by; checkTimeZone admits only letters, digits, `_+-/`.
 */
export const civilTimestampSql = (timestamptz: string): string => `(${timestamptz} at time zone '${zone}')`;

/** `date` plus `years` calendar years; 29 February falls back to the 28th in a common year. */
export const addYears = (date: string, years: number): string => Temporal.PlainDate.from(date).add({ years }, { overflow: "constrain" }).toString();

/** The years an instant or a date may have, in UTC and in civil time: four digits, and no year 0 (1 BC). */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;
const inYearRange = (year: number) => year >= MIN_YEAR && year <= MAX_YEAR;

/**
 * Whether an instant's year is 0001–9999 both in UTC and in civil time. `0001-01-01T01:00:00Z` is a valid instant in
 * UTC and still year 0 in Contagem, where every civil fact of it would be computed; beyond these years PostgreSQL,
 * ISO 8601's four-digit years and the numbering of minutes part ways.
 */
export const instantInRange = (instant: Date): boolean =>
  !Number.isNaN(instant.getTime()) && inYearRange(instant.getUTCFullYear()) && inYearRange(civilYear(instant));

/** Whether a calendar date (`YYYY-MM-DD`, already well formed) has a year 0001–9999. */
export const dateInRange = (date: string): boolean => inYearRange(Temporal.PlainDate.from(date).year);
