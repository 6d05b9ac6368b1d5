import { TransactionContext } from "@mikro-orm/core";
import type { MikroORM } from "@mikro-orm/postgresql";

/**
 * How long a query waits for a pooled connection before its request fails with SERVICE_UNAVAILABLE (retry later):
 * a busy pool sheds load with an answer instead of queueing requests without bound.
 */
export const ACQUIRE_TIMEOUT_MS = 10_000;

/** `code` of the error a query gets when no pooled connection freed up in time (database-errors.ts maps it). */
export const POOL_EXHAUSTED = "POOL_EXHAUSTED";
/** `code` of the error a query gets when it asks for a second connection while its flow holds a transaction. */
export const SECOND_CONNECTION = "SECOND_CONNECTION_IN_TRANSACTION";

type KnexTransaction = { isCompleted(): boolean };

/** Whether the running async flow is inside a write's transaction that has not ended yet. */
export function holdsTransaction(): boolean {
  const transaction = TransactionContext.currentTransactionContext()?.em.getTransactionContext<KnexTransaction>();
  return !!transaction && !transaction.isCompleted();
}

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

/**
 * The pool's two rules, enforced where every connection is handed out:
 *
 * - A flow that holds a transaction never waits for another connection. On PostgreSQL such a read escapes the
 *   transaction (it misses the transaction's own writes); on the embedded database, whose one engine the
 *   transaction holds until it ends, it waits forever, and every subgraph with it. It fails at once instead, as
 *   the bug of ours it is, naming the rule.
 * - A wait for a connection is bounded ({@link ACQUIRE_TIMEOUT_MS}) and ends with a coded error.
 */
export function enforcePoolRules(orm: MikroORM): void {
  const client = orm.em.getConnection().getKnex().client as { acquireConnection(): Promise<unknown> };
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = async () => {
    if (holdsTransaction()) {
      throw coded(
        "A query asked the pool for a second connection while its flow holds a transaction: read through the " +
          "transaction's EntityManager (or fetch what it needs before the transaction opens).",
        SECOND_CONNECTION,
      );
    }
    try {
      return await acquire();
    } catch (error) {
      if ((error as Error).name === "KnexTimeoutError") throw coded("No database connection freed up in time.", POOL_EXHAUSTED);
      throw error;
    }
  };
}
