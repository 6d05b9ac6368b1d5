import {
  CheckConstraintViolationException,
  ForeignKeyConstraintViolationException,
  NotNullConstraintViolationException,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { RequestContext } from "./context";
import { AppError, ErrorCode, badInput, conflict, unauthenticated } from "./errors";
import { parseId } from "./node";

export interface WriteOutcome<T> {
  entity: T;
}

export interface WriteRequest<T> {
  /** What is done, e.g. `council.create`; names the audit entry. */
  action: string;
  /** The GraphQL type of the record written, e.g. `Council`. */
  entityType: string;
  input: unknown;
  idempotencyKey?: string | null;
  /** The use case itself, run inside the transaction with the transaction's EntityManager. */
  run(em: EntityManager): Promise<WriteOutcome<T>>;
}

/** Every mutation goes through here: authenticated, one transaction, database errors turned into client errors. */
export async function write<T>(ctx: RequestContext, request: WriteRequest<T>): Promise<T> {
  if (!ctx.viewer) throw unauthenticated();
  try {
    const outcome = await ctx.em.transactional((em) => request.run(em as EntityManager));
    return outcome.entity;
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

/** Constraint violations are the client's conflict or bad input, not a server fault. */
export function translateDatabaseError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof OptimisticLockError) {
    return conflict("The record changed since you read it: read it again and retry with its current version.");
  }
  if (error instanceof UniqueConstraintViolationException) {
    return conflict("A record with the same unique value already exists.", { constraint: constraintOf(error) });
  }
  if (
    error instanceof ForeignKeyConstraintViolationException ||
    error instanceof CheckConstraintViolationException ||
    error instanceof NotNullConstraintViolationException
  ) {
    return new AppError(ErrorCode.BAD_USER_INPUT, "The input breaks a rule of the record.", {
      constraint: constraintOf(error),
    });
  }
  return error;
}

function constraintOf(error: Error): string | undefined {
  return (error as { constraint?: string }).constraint;
}

/** Loads the record an input field names, or fails with BAD_USER_INPUT naming that field. */
export async function findOrBadInput<T extends object>(
  em: EntityManager,
  entity: new () => T,
  id: string,
  field: string,
): Promise<T> {
  const found = await em.findOne(entity, { id: parseId(id, field) } as never);
  if (!found) throw badInput(field, `"${field}": no record with id ${JSON.stringify(id)}.`);
  return found as T;
}
