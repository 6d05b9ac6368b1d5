import { Entity, PrimaryKey } from "@mikro-orm/core";
import type { MikroORM } from "@mikro-orm/postgresql";
import { translateDatabaseError } from "./database-errors";
import { openDatabase } from "./db";
import { AppError } from "@contagem/common";
import { POOL_EXHAUSTED, SECOND_CONNECTION } from "./pool";

@Entity({ tableName: "pool_probe" })
class Probe {
  @PrimaryKey()
  id!: number;
}

const open = (poolSize: number, acquireTimeoutMs?: number) =>
  openDatabase({ url: process.env.DATABASE_URL!, schema: "public", entities: [Probe], migrations: [], poolSize, acquireTimeoutMs });

let orm: MikroORM;
beforeAll(async () => {
  orm = await open(4);
});
afterAll(() => orm.close(true));

describe("a flow that holds a transaction", () => {
  it("reads through it with the request's EntityManager, even through an EntityManager it held before", async () => {
    const request = orm.em.fork({ useContext: true });
    const seen = await request.transactional(async (tx) => {
      await tx.execute(`create temporary table held (n int) on commit drop`);
      await tx.execute(`insert into held values (1)`);
      // Only the transaction's own connection sees this table: the query went through it.
      return request.execute<{ n: number }[]>(`select n from held`);
    });
    expect(seen).toEqual([{ n: 1 }]);
  });

  it("fails at once, with a rule's name, when it asks the pool for another connection", async () => {
    const started = Date.now();
    const error = await orm.em
      .fork()
      .transactional(() => orm.em.fork().execute(`select 1`))
      .catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe(SECOND_CONNECTION);
    expect(Date.now() - started).toBeLessThan(2_000);
    // The pool is whole afterwards.
    expect(await orm.em.fork().execute(`select 1 as one`)).toEqual([{ one: 1 }]);
  });
});

describe("a wait for a pooled connection", () => {
  it("ends with SERVICE_UNAVAILABLE when no connection frees up in time", async () => {
    const small = await open(1, 300);
    try {
      let release!: () => void;
      const held = small.em.fork().transactional(() => new Promise<void>((resolve) => (release = resolve)));
      await new Promise((r) => setTimeout(r, 100));
      const started = Date.now();
      const error = await small.em.fork().execute(`select 1`).catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe(POOL_EXHAUSTED);
      expect(Date.now() - started).toBeLessThan(2_000);
      const translated = translateDatabaseError(error);
      expect(translated).toBeInstanceOf(AppError);
      expect((translated as AppError).extensions.code).toBe("SERVICE_UNAVAILABLE");
      release();
      await held;
    } finally {
      await small.close(true);
    }
  });
});
