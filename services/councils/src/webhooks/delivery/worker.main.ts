import { checkRuntime, createLogger, logUnhandledRejections } from "@contagem/schema";
import { startWebhookWorker } from "./worker";
import { readWebhookWorkerConfig } from "./worker.config";

/** The webhook worker's process (started by `npm start`; see README, "Webhooks"). Exit 78: bad configuration. */
async function main() {
  const logger = createLogger("webhooks");
  let config;
  try {
    checkRuntime();
    config = readWebhookWorkerConfig(process.env);
  } catch (error) {
    logger.fatal(`Bad configuration: ${(error as Error).message}`);
    process.exit(78);
  }
  logUnhandledRejections(logger);
  const worker = await startWebhookWorker(config, logger);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "webhook worker stopping");
    await worker.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

void main();
