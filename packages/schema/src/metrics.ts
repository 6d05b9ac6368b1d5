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
 * The database pool as the operator watches it: connections in use and idle, queries waiting for one (a pool too
 * small or a database too slow; past ACQUIRE_TIMEOUT_MS they fail with SERVICE_UNAVAILABLE), and its size.
 */
export function poolMetrics(metrics: ServiceMetrics, orm: MikroORM): void {
  const pool = (): TarnPool | undefined => (orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool;
  new Gauge({
    name: "contagem_db_pool_connections",
    help: "Database connections of this process's pool, by state: in_use (lent to a query or a transaction), idle, pending (being opened)",
    labelNames: ["state"],
    registers: [metrics.registry],
    collect() {
      const current = pool();
      this.set({ state: "in_use" }, current?.numUsed() ?? 0);
      this.set({ state: "idle" }, current?.numFree() ?? 0);
      this.set({ state: "pending" }, current?.numPendingCreates() ?? 0);
    },
  });
  new Gauge({
    name: "contagem_db_pool_waiting",
    help: "Queries waiting for a database connection of this process's pool",
    registers: [metrics.registry],
    collect() {
      this.set(pool()?.numPendingAcquires() ?? 0);
    },
  });
  new Gauge({
    name: "contagem_db_pool_max",
    help: "Connections this process's pool may open (DB_POOL_SIZE)",
    registers: [metrics.registry],
    collect() {
      this.set(pool()?.max ?? 0);
    },
  });
}
