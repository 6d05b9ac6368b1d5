import { Client } from "pg";
import { civilDate, civilTimestampSql, useCivilTimeZone, DEFAULT_CIVIL_TIME_ZONE } from "./civil-time";

/**
 * The database computes Contagem's calendar as Temporal does, whatever the session's TimeZone: SQL that groups or
 * filters by civil dates uses civilTimestampSql, with PostgreSQL's (or PGlite's) own IANA data.
 */
const INSTANTS = [
  "2025-12-31T20:59:00-03:00",
  "2025-12-31T21:00:00-03:00",
  "2025-12-31T23:59:59-03:00",
  "2026-01-01T00:00:00-03:00",
  "2026-03-10T21:30:00-03:00",
  "2019-01-01T00:30:00-02:00", // daylight saving time, which São Paulo had until 2019
];
const SESSION_ZONES = ["UTC", "America/Sao_Paulo", "Asia/Tokyo", "Pacific/Kiritimati", "America/Los_Angeles"];

let client: Client;
beforeAll(async () => {
  client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(async () => {
  useCivilTimeZone(DEFAULT_CIVIL_TIME_ZONE);
  await client.end();
});

async function civilDatesInSession(sessionZone: string): Promise<string[]> {
  await client.query("begin");
  try {
    await client.query(`select set_config('TimeZone', $1, true)`, [sessionZone]);
    const { rows } = await client.query<{ day: string }>(
      `select to_char(${civilTimestampSql("at")}, 'YYYY-MM-DD') as day from unnest($1::timestamptz[]) with ordinality as t(at, n) order by n`,
      [INSTANTS],
    );
    return rows.map((r) => r.day);
  } finally {
    await client.query("rollback");
  }
}

it.each(SESSION_ZONES)("gives Contagem's dates with the session's TimeZone set to %s", async (sessionZone) => {
  expect(await civilDatesInSession(sessionZone)).toEqual(["2025-12-31", "2025-12-31", "2025-12-31", "2026-01-01", "2026-03-10", "2019-01-01"]);
});

it("agrees with Temporal in another configured zone", async () => {
  useCivilTimeZone("Asia/Kolkata");
  expect(await civilDatesInSession("America/Sao_Paulo")).toEqual(INSTANTS.map((iso) => civilDate(new Date(iso))));
});
