import pino, { type Logger } from "pino";

export type { Logger };

/** Anything that could carry a credential or personal data is redacted before a log line is written. */
const redact = {
  paths: [
    "authorization",
    "*.authorization",
    "headers.authorization",
    "req.headers.authorization",
    "token",
    "*.token",
    "password",
    "*.password",
    "secret",
    "*.secret",
    "cpf",
    "*.cpf",
    "email",
    "*.email",
    "phone",
    "*.phone",
    "variables",
    "*.variables",
  ],
  censor: "[redacted]",
};

/**
 * An error as a log line shows it: its kind, message, code and stack, and its causes alike — nothing else. Errors carry
 * whatever their library attached (a gateway's upstream error holds the request it forwarded, variables and all; a
 * database error its row), and no list of paths can reach every depth, so only the known-safe fields are written.
 */
function safeError(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error)) return value === undefined || value === null ? value : { type: typeof value };
  const error = value as Error & { code?: unknown; extensions?: { code?: unknown } };
  const out: Record<string, unknown> = { type: error.constructor?.name ?? error.name, message: error.message, stack: error.stack };
  if (typeof error.code === "string" || typeof error.code === "number") out.code = error.code;
  if (typeof error.extensions?.code === "string") out.graphqlCode = error.extensions.code;
  if (error.cause !== undefined && depth < 3) out.cause = safeError(error.cause, depth + 1);
  if (error instanceof AggregateError && depth < 3) out.errors = error.errors.slice(0, 5).map((one) => safeError(one, depth + 1));
  return out;
}

export function createLogger(
  name: string,
  level = process.env.LOG_LEVEL ?? "info",
  destination?: pino.DestinationStream,
): Logger {
  return pino({ name, level, redact, serializers: { err: safeError, error: safeError }, base: { service: name } }, destination);
}

/**
 * A promise a request abandoned (a sibling field failed first, the client went away) may reject later with no one
 * to hear it. That is a fault of ours, logged as one, but never a reason to stop serving every other request.
 */
export function logUnhandledRejections(logger: Logger): void {
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection of an abandoned promise"));
}
