import { Client } from "pg";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded";

/** Sessions of one PGlite engine behave as sessions of a server: each sees only its own protocol state. */
let db: EmbeddedDatabase;
const clients: Client[] = [];
// A new engine compiles PostgreSQL's WebAssembly and creates its cluster: tens of seconds on a busy 2-core machine.
beforeAll(async () => {
  db = await startEmbeddedDatabase({ idleInTransactionMs: 500 });
}, 180_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => {})));
  await db.stop();
});

async function connect(): Promise<Client> {
  const client = new Client({ connectionString: db.url });
  client.on("error", () => {}); // a session the server ends reports it on its next query
  await client.connect();
  clients.push(client);
  return client;
}

/** Two sessions: the first has written a row of the new `table` in a transaction it has not ended. */
async function inTransaction(table: string): Promise<[Client, Client]> {
  const [holder, other] = [await connect(), await connect()];
  await holder.query(`create table ${table} (n int)`);
  await holder.query(`begin`);
  await holder.query(`insert into ${table} values (1)`);
  return [holder, other];
}

describe("the embedded database's sessions", () => {
  it("run concurrent parameterised queries and transactions as a server would", async () => {
    const sessions = await Promise.all(Array.from({ length: 6 }, connect));
    await sessions[0].query(`create table counter (id int primary key, n int)`);
    await sessions[0].query(`insert into counter values (1, 0)`);
    let wrong = 0;
    await Promise.all(
      sessions.map(async (s, i) => {
        for (let k = 0; k < 40; k++) {
          if (k % 3 === 0) {
            await s.query(`begin`);
            await s.query(`update counter set n = n + $1 where id = $2`, [1, 1]);
            await s.query(`select $1::text`, ["inside"]);
            await s.query(`commit`);
          }
          const value = i * 1000 + k;
          const { rows } =
            i % 2 ? await s.query(`select $1::int as v`, [value]) : await s.query(`select $1::int as v, $2::text as w`, [value, "x"]);
          if (rows[0]?.v !== value) wrong++;
          if (k % 7 === 0) await expect(s.query(`select 1 / ($1::int - $1::int)`, [3])).rejects.toThrow(/division by zero/);
        }
      }),
    );
    expect(wrong).toBe(0);
    expect((await sessions[0].query(`select n from counter`)).rows).toEqual([{ n: 6 * 14 }]);
  });

  it("ends a session idle in a transaction that others wait on, undoing its work", async () => {
    const [idle, waiter] = await inTransaction("idle_probe");
    const started = Date.now();
    expect((await waiter.query(`select count(*)::int as n from idle_probe`)).rows).toEqual([{ n: 0 }]);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(idle.query(`commit`)).rejects.toThrow(/idle-in-transaction timeout|terminated|not queryable/);
  });

  it("gives the engine back when a session leaves in the middle of a transaction", async () => {
    const [leaving, staying] = await inTransaction("leave_probe");
    const read = staying.query(`select count(*)::int as n from leave_probe`);
    await leaving.end();
    expect((await read).rows).toEqual([{ n: 0 }]);
  });
});
