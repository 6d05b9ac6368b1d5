import type { MikroORM } from "@mikro-orm/postgresql";

/**
 * Counts the SQL statements an ORM sends, to prove batching: a request's count must not grow with the number of
 * items it returns.
 */
export class SqlCounter {
  readonly statements: string[] = [];
  private readonly listener = (query: { sql: string }) => {
    this.statements.push(query.sql);
  };

  constructor(private readonly orm: MikroORM) {
    orm.em.getConnection().getKnex().on("query", this.listener);
  }

  get count(): number {
    return this.statements.length;
  }

  reset(): void {
    this.statements.length = 0;
  }

  /** Counts the statements `action` causes. */
  async during(action: () => Promise<unknown>): Promise<number> {
    this.reset();
    await action();
    return this.count;
  }

  dispose(): void {
    this.orm.em.getConnection().getKnex().off("query", this.listener);
  }
}
