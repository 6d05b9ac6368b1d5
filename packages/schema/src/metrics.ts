import type { ApolloServerPlugin } from "@apollo/server";
import type { MikroORM } from "@mikro-orm/postgresql";
import { Gauge } from "prom-client";
import { noteErrorCodes, recordOf, type ServiceMetrics } from "@contagem/common";
import { currentResponse } from "./context";

/**
 * Notes on the request's access-log record the operation, once it has validated (Apollo resolves the operation after
 * validation), and the code of each error the response carries (after masking: codes of the closed set).
 */
export function operationRecordPlugin<TContext extends object>(metrics: ServiceMetrics): ApolloServerPlugin<TContext> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operation }) => {
        const record = recordOf(currentResponse());
        if (!record) return;
        record.operationName = metrics.operations.admit(operation?.name?.value);
        record.operationType = operation?.operation;
      },
      willSendResponse: async ({ response }) => {
        if (response.body.kind !== "single") return;
        noteErrorCodes(currentResponse(), response.body.singleResult.errors?.map((error) => error.extensions?.code) ?? []);
      },
    }),
  };
}

/** The pool of tarn.js that knex (under MikroORM) hands connections out of. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
  max: number;
}

/**
 * The database pools as the operator watches them, by `database`: `primary` (DATABASE_URL), and `replica`
 * (DATABASE_READ_URL) when there is one. Connections in use and idle, queries waiting for one (a pool too small or a
 * database too slow; past ACQUIRE_TIMEOUT_MS they fail with SERVICE_UNAVAILABLE), and the pool's size.
 */
export function poolMetrics(metrics: ServiceMetrics, orms: { primary: MikroORM; replica?: MikroORM }): void {
  const pools = () =>
    Object.entries(orms)
      .filter((entry): entry is [string, MikroORM] => entry[1] !== undefined)
      .map(([database, orm]) => ({ database, pool: (orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool }));
  new Gauge({
    name: "contagem_db_pool_connections",
    help: "Database connections of this process's pools, by database (primary, replica) and state: in_use (lent to a query or a transaction), idle, pending (being opened)",
    labelNames: ["database", "state"],
    registers: [metrics.registry],
    collect() {
      for (const { database, pool } of pools()) {
        this.set({ database, state: "in_use" }, pool?.numUsed() ?? 0);
        this.set({ database, state: "idle" }, pool?.numFree() ?? 0);
        this.set({ database, state: "pending" }, pool?.numPendingCreates() ?? 0);
      }
    },
  });
  new Gauge({
    name: "contagem_db_pool_waiting",
    help: "Queries waiting for a database connection of this process's pools, by database (primary, replica)",
    labelNames: ["database"],
    registers: [metrics.registry],
    collect() {
      for (const { database, pool } of pools()) this.set({ database }, pool?.numPendingAcquires() ?? 0);
    },
  });
  new Gauge({
    name: "contagem_db_pool_max",
    help: "Connections each of this process's pools may open (DB_POOL_SIZE), by database (primary, replica)",
    labelNames: ["database"],
    registers: [metrics.registry],
    collect() {
      for (const { database, pool } of pools()) this.set({ database }, pool?.max ?? 0);
    },
  });
}
