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
