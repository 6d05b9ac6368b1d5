import { civilDate, civilTimeZone, ConfigError, readOptional, readString, type Logger } from "@contagem/schema";
import { Cron } from "croner";
import { spawn, type ChildProcess } from "node:child_process";
import { realpath } from "node:fs/promises";
import { basename, isAbsolute, join } from "node:path";
import { ROOT } from "../artifacts";

/** DATA_DIR and OPEN_DATA_DIR as `npm start` reads them: relative paths are the repository's. */
export function openDataDirOf(env: NodeJS.ProcessEnv): { dataDir: string; openDataDir: string } {
  const absolute = (path: string) => (isAbsolute(path) ? path : join(ROOT, path));
  const dataDir = absolute(readString(env, "DATA_DIR", ".data"));
  return { dataDir, openDataDir: absolute(readOptional(env, "OPEN_DATA_DIR") ?? join(dataDir, "open-data")) };
}

/** When the running stack exports, by default: every day at 03:00 civil time (OPEN_DATA_SCHEDULE; `off` to disable). */
export const DEFAULT_OPEN_DATA_SCHEDULE = "0 3 * * *";

export interface OpenDataSchedule {
  stop(): Promise<void>;
}

/**
 * A five-field cron pattern that runs (croner's syntax), or `off`; anything else is a configuration error: a pattern
 * with seconds (every second is no export schedule) or one that never fires (`0 3 31 2 *`) is refused too.
 */
export function readOpenDataSchedule(value: string | undefined): string | null {
  const pattern = value?.trim() || DEFAULT_OPEN_DATA_SCHEDULE;
  if (pattern === "off") return null;
  const refuse = (why: string) => new ConfigError(`OPEN_DATA_SCHEDULE must be a five-field cron pattern (e.g. "${DEFAULT_OPEN_DATA_SCHEDULE}") or "off": ${why}`);
  if (pattern.split(/\s+/).length !== 5) throw refuse(`"${pattern}" does not have five fields (minute hour day month weekday).`);
  let next: Date | null;
  try {
    const job = new Cron(pattern, { paused: true });
    next = job.nextRun();
    job.stop();
  } catch (error) {
    throw refuse((error as Error).message);
  }
  if (!next) throw refuse(`"${pattern}" never runs.`);
  return pattern;
}

/** An export that takes longer than this is stopped (and logged): one stuck run must not hold back every later one. */
export const EXPORT_TIMEOUT_MS = 60 * 60_000;

/**
 * The running stack's open-data export: on `pattern` in the civil time zone, and once at start when there is no
 * snapshot of today yet. Each run is `npm run export` as a child process (a failed export cannot take the stack down),
 * one at a time; `live` on the embedded engine, which the subgraphs share (see OpenDataExportOptions.consistent).
 */
export function scheduleOpenData(options: { pattern: string; databaseUrl: string; embedded: boolean; openDataDir: string; env: NodeJS.ProcessEnv; logger: Logger }): OpenDataSchedule {
  let child: ChildProcess | undefined;
  let running: Promise<void> | undefined;
  const run = (reason: string) =>
    (running ??= new Promise<void>((resolve) => {
      const args = [join(ROOT, "packages", "stack", "dist", "export-cli.js"), ...(options.embedded ? ["--live"] : [])];
      child = spawn(process.execPath, args, {
        env: { ...options.env, DATABASE_URL: options.databaseUrl, OPEN_DATA_DIR: options.openDataDir },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const timer = setTimeout(() => {
        options.logger.error({ reason, timeoutMs: EXPORT_TIMEOUT_MS }, "open-data export took too long: stopped");
        child?.kill("SIGKILL");
      }, EXPORT_TIMEOUT_MS).unref();
      let output = "";
      child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
      child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        const summary = output.trim().split("\n").pop() ?? "";
        if (code === 0) options.logger.info({ reason }, summary);
        else options.logger.error({ reason, code, signal }, `open-data export failed: ${summary}`);
        child = undefined;
        running = undefined;
        resolve();
      });
    }));
  const cron = new Cron(options.pattern, { timezone: civilTimeZone(), protect: true }, () => run("schedule"));
  void realpath(join(options.openDataDir, "latest"))
    .then(basename, () => null)
    .then((latest) => (latest === civilDate(new Date()) ? undefined : run("start")));
  return {
    async stop() {
      cron.stop();
      child?.kill("SIGTERM");
      await running;
    },
  };
}
