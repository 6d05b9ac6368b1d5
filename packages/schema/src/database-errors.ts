import {
  CheckConstraintViolationException,
  ConnectionException,
  ForeignKeyConstraintViolationException,
  LockWaitTimeoutException,
  NotNullConstraintViolationException,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from "@mikro-orm/core";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { AppError, ErrorCode, conflict, isUnavailable } from "@contagem/common";
import { POOL_EXHAUSTED } from "./pool";

/**
 * The one table of database errors and the closed-set code each becomes, for reads and writes alike: constraint
 * violations are the client's conflict or bad input, an unavailable database is SERVICE_UNAVAILABLE, and anything
 * else stays a fault of ours (masked as INTERNAL_SERVER_ERROR).
 */
export function translateDatabaseError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof OptimisticLockError) {
    return conflict("The record changed since you read it: read it again and retry with its current version.");
  }
  if (error instanceof LockWaitTimeoutException) return conflict("The record is busy: retry in a moment.");
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
  // A database that cannot serve now (the pool had no connection in time, the server refused or dropped the
  // connection, is starting or stopping): the client may retry; nothing of ours is wrong.
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof ConnectionException || code === POOL_EXHAUSTED || isUnavailable(error)) {
    return new AppError(ErrorCode.SERVICE_UNAVAILABLE, "The database cannot serve this request now: retry later.");
  }
  return error;
}

function constraintOf(error: Error): string | undefined {
  return (error as { constraint?: string }).constraint;
}

/**
 * A resolver's database error as the client error it stands for (Apollo hands formatError the GraphQLError that
 * wraps what the resolver threw); any other error is returned as it came.
 */
export function formatDatabaseError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof AppError) return formatted;
  const translated = translateDatabaseError(original);
  if (!(translated instanceof AppError)) return formatted;
  return { ...formatted, message: translated.message, extensions: { ...translated.extensions } };
}
