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

export function createLogger(
  name: string,
  level = process.env.LOG_LEVEL ?? "info",
  destination?: pino.DestinationStream,
): Logger {
  return pino({ name, level, redact, base: { service: name } }, destination);
}

/**
 * A promise a request abandoned (a sibling field failed first, the client went away) may reject later with no one
 * to hear it. That is a fault of ours, logged as one, but never a reason to stop serving every other request.
 */
export function logUnhandledRejections(logger: Logger): void {
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection of an abandoned promise"));
}
