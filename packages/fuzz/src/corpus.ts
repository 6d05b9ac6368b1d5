/**
 * The values hostile and careless clients send. Real ones (seeded slugs and ids) are here too: a request that
 * finds a record runs deeper code than one that finds nothing.
 */

/** Slugs and ids of the default seed (COMPUR is council 4). */
export const REAL = {
  councilSlugs: ["compur", "cmsc", "cmasc", "conselho-regional-eldorado", "conselho-regional-sede", "comlgbt"],
  councilIds: ["1", "4", "14", "21"],
  territoryCodes: ["SEDE", "ELDORADO", "VARGEM_DAS_FLORES", "RIACHO"],
  ids: ["1", "2", "3", "4", "5", "8", "13", "21"],
  searches: ["conselho", "reunião", "reuniao", "orçamento participativo", "\"plano diretor\"", "saude or educacao", "-ata"],
};

const big = (n: number, unit = "a") => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Strings that break parsers, drivers, full-text syntax and encoders. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "compur\u0000",
  "\ud800",
  "a\udc00b",
  "\ud83d",
  "\uffff",
  "\ufeffcompur",
  "😀🏳️‍🌈👩‍👩‍👧",
  "‮gnitset‬",
  "مجلس المدينة",
  "Reunião Ordinária — Ata nº 006/2024",
  "ｃｏｍｐｕｒ",
  "a & | !",
  "!",
  "&&&",
  "a:*",
  ":*",
  "'",
  "''",
  "\\",
  "\"",
  "a' OR '1'='1",
  "1 OR 1=1",
  "'; drop table councils.council; --",
  "$$",
  "%",
  "_",
  "%_%",
  "<->",
  "a <-> b",
  "(a",
  ")",
  "-",
  "--",
  "\"unterminated",
  "or",
  "or or or",
  "- - -",
  "\n\r\t",
  "${jndi:ldap://x}",
  "{{7*7}}",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "toString",
  big(256),
  big(10_000, "ção "),
  big(100_000),
  big(100_000, "😀"),
];

/** IDs: real, unknown, negative, huge, non-numeric, injected. */
export const HOSTILE_IDS: readonly (string | number)[] = [
  "0",
  "-1",
  "999999",
  "2147483648",
  "9223372036854775808",
  "99999999999999999999999999",
  "1e21",
  "1.5",
  "0x10",
  " 1",
  "1 ",
  "abc",
  "",
  "1 OR 1=1",
  "1; select 1",
  "\u0000",
  "１",
  "\ud800",
  big(100_000, "9"),
  -1,
  0,
  2147483647,
];

/** Page sizes: the bounds, just past them, and absurd. */
export const FIRSTS: readonly number[] = [0, -1, 1, 2, 20, 100, 101, 1000, 2147483647, -2147483648];

/** Dates and instants, well-formed and not. */
export const DATES: readonly string[] = ["2026-03-01", "2024-02-29", "2026-02-29", "2026-13-01", "0000-00-00", "9999-12-31", "0001-01-01", "2026-3-1", "hoje", ""];

/**
 * Dates at the edges of what a date library, JavaScript's Date and PostgreSQL agree on: year 0 (no such civil
 * year; ISO's 0000 is 1 BC), year 1, 9999 and past it (five digits, ISO's expanded `+010000`), negative years, 29
 * February of common years, 30 February, 1900 (not leap), a day 00.
 */
export const DATE_EDGES: readonly string[] = [
  "0000-01-01",
  "0001-01-01",
  "9999-12-31",
  "10000-01-01",
  "+010000-01-01",
  "-000001-01-01",
  "+002026-03-01",
  "2023-02-29",
  "1900-02-29",
  "2024-02-30",
  "2026-04-31",
  "2026-01-00",
  "2026-03-01T00:00:00Z",
  "2026-03-01 ",
  "２０２６-03-01",
];
export const INSTANTS: readonly (string | number)[] = [
  "2026-03-01T10:00:00-03:00",
  "2026-12-24T19:00:00Z",
  "2099-01-01T00:00:00Z",
  "1970-01-01T00:00:00Z",
  "2026-03-01",
  "2026-03-01T25:61:00Z",
  "+275760-09-13T00:00:00.000Z",
  "not-a-date",
  "",
  1_700_000_000_000,
  -8.64e15,
];

/**
 * Instants at the edges: years 0, 1, 9999 and 10000; 01:00Z on 0001-01-01 (still year 1 in UTC, year 0 once Sao
 * Paulo's offset is applied, outside the civil range); 23:59-03:00 on 9999-12-31 (year 10000 in UTC); the widest
 * offsets ISO allows (+14:00, -12:00) and past them; nine fractional digits (nanoseconds, more than a JavaScript
 * Date or `timestamptz` keeps); a leap second; 29 February of a common year; `-00:00`.
 */
export const INSTANT_EDGES: readonly string[] = [
  "0000-01-01T00:00:00Z",
  "0001-01-01T00:00:00Z",
  "0001-01-01T01:00:00Z",
  "0001-01-01T00:00:00+14:00",
  "9999-12-31T23:59:59Z",
  "9999-12-31T23:59:59.999999999-03:00",
  "9999-12-31T23:00:00-12:00",
  "10000-01-01T00:00:00Z",
  "+010000-01-01T00:00:00Z",
  "-000001-01-01T00:00:00Z",
  "2023-02-29T12:00:00Z",
  "2024-02-29T23:30:00-03:00",
  "2026-03-01T10:00:00+14:00",
  "2026-03-01T10:00:00-12:00",
  "2026-03-01T10:00:00+14:01",
  "2026-03-01T10:00:00-23:59",
  "2026-03-01T10:00:00+24:00",
  "2026-03-01T10:00:00-00:00",
  "2026-03-01T10:00:00.123456789Z",
  "2026-03-01T10:00:00.123456789-03:00",
  "2026-03-01T10:00:00.1234567891234Z",
  "2016-12-31T23:59:60Z",
  "2026-03-01T24:00:00Z",
  "2026-03-01t10:00:00z",
  "2026-03-01T10:00:00",
  "2026-03-01T10:00Z",
];

const b64 = (text: string) => Buffer.from(text).toString("base64url");

/** Cursors: base64url of JSON a cursor decoder does not expect, and what is not base64url at all. */
export const BAD_CURSORS: readonly string[] = [
  b64('["abc"]'),
  b64("[1e21]"),
  b64('[{"$ne":null},0]'),
  b64("[]"),
  b64("null"),
  b64("{}"),
  b64("[null]"),
  b64("[null,null]"),
  b64('["abc","abc"]'),
  b64('[1e21,"1"]'),
  b64('["1e21",1e21]'),
  b64("[-1]"),
  b64("[1.5,1.5]"),
  b64("[true,false]"),
  b64("[[1],{}]"),
  b64('["9999-99-99T99:99:99Z",1]'),
  b64('["\\u0000",1]'),
  b64('["\\ud800"]'),
  b64('[9007199254740993,"x"]'),
  b64('["1 OR 1=1","1 OR 1=1"]'),
  b64('["a",1,2,3]'),
  b64(`[${"[".repeat(5000)}${"]".repeat(5000)}]`),
  b64(`["${big(100_000)}",1]`),
  b64("not json"),
  "!!!not-base64!!!",
  "WyJhYmMiXQ==",
  "WyJhYmMiXQ",
  "%%%",
  "",
  " ",
  "\u0000",
  big(100_000, "QUFB"),
];
