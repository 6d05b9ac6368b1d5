import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./launch";

/**
 * Throwaway PostgreSQL clusters and tools on this machine, for tests of the deployment's database topology (a
 * streaming replica, PgBouncer): made in a temporary directory, on ephemeral ports, trust on 127.0.0.1 only, and
 * removed at the end. PostgreSQL refuses to run as root: as root, every command runs as the `postgres` user.
 */
export const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** Why clusters cannot be made here, or null when they can. */
export function clusterUnavailable(): string | null {
  if (!existsSync(join(PG_BIN, "initdb"))) return `no initdb in ${PG_BIN} (apt-get install -y postgresql-15, or set PG_BIN)`;
  if (process.getuid?.() === 0 && spawnSync("id", ["-u", "postgres"]).status !== 0) return "running as root, and there is no postgres user to run PostgreSQL as";
  return null;
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a program as the user PostgreSQL runs as (postgres when we are root), failing with its output. */
export function runAsPostgres(program: string, args: string[], options: { timeoutMs?: number } = {}): string {
  const [file, argv] = asRoot() ? ["runuser", ["-u", "postgres", "--", program, ...args]] : [program, args];
  try {
    return execFileSync(file, argv, { encoding: "utf8", timeout: options.timeoutMs ?? 60_000, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${program} ${args.join(" ")} failed: ${(error as Error).message}\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

/** Makes `path` the postgres user's, when we are root (PostgreSQL and PgBouncer run as postgres then). */
function giveToPostgres(path: string): void {
  if (!asRoot()) return;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }));
  chownSync(path, id("-u"), id("-g"));
}

/** A temporary directory the postgres user owns (removed by the returned function). */
export function postgresTempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  giveToPostgres(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Cluster {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  dataDir: string;
  /** The server's log (errors and what `settings` asks to log). */
  log: () => string;
  stop: () => void;
}

/** Starts the cluster in `dataDir` on a free port, its socket in `socketDir`, with extra `-c` settings. */
export async function startCluster(dataDir: string, socketDir: string, settings: Record<string, string> = {}): Promise<Cluster> {
  const port = await freePort();
  const logFile = `${dataDir}.log`;
  const options = [`-p ${port}`, "-c listen_addresses=127.0.0.1", `-c unix_socket_directories=${socketDir}`, "-c fsync=off"]
    .concat(Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`))
    .join(" ");
  runAsPostgres(join(PG_BIN, "pg_ctl"), ["-D", dataDir, "-l", logFile, "-o", options, "-w", "-t", "30", "start"]);
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    log: () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : ""),
    stop: () => {
      spawnSync(asRoot() ? "runuser" : join(PG_BIN, "pg_ctl"), [
        ...(asRoot() ? ["-u", "postgres", "--", join(PG_BIN, "pg_ctl")] : []),
        ...["-D", dataDir, "-m", "immediate", "-w", "stop"],
      ]);
    },
  };
}

/** A fresh primary (trust for clients and replication on 127.0.0.1, which initdb's defaults allow) in `dir`/primary. */
export async function startPrimary(dir: string): Promise<Cluster> {
  const dataDir = join(dir, "primary");
  runAsPostgres(join(PG_BIN, "initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "--encoding=UTF8", "--locale=C.UTF-8"]);
  // wal_level replica and max_wal_senders 10 are PostgreSQL 15's defaults; said here for the reader.
  return startCluster(dataDir, dir, { wal_level: "replica", max_wal_senders: "4" });
}

/** A hot standby of `primary`, streaming from it: `pg_basebackup -R` into `dir`/standby, started on its own port. */
export async function startStandby(dir: string, primary: Cluster): Promise<Cluster> {
  const dataDir = join(dir, "standby");
  runAsPostgres(join(PG_BIN, "pg_basebackup"), ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", dataDir, "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"]);
  return startCluster(dataDir, dir, { hot_standby: "on" });
}

/** Why PgBouncer cannot be run here, or null when it can. */
export function pgBouncerUnavailable(): string | null {
  if (spawnSync("pgbouncer", ["--version"]).status !== 0) return "pgbouncer is not installed (apt-get install -y pgbouncer)";
  return clusterUnavailable() && process.getuid?.() === 0 ? "running as root, and there is no postgres user to run PgBouncer as" : null;
}

export interface PgBouncer {
  port: number;
  /** The URL of `database` through PgBouncer. */
  urlOf: (database: string) => string;
  /** The URL of PgBouncer's admin console (`SHOW POOLS`, `SHOW STATS`; simple queries only). */
  adminUrl: string;
  log: () => string;
  stop: () => void;
}

/**
 * PgBouncer in transaction mode in front of the PostgreSQL at `target`, in `dir` (owned by postgres): trust for
 * user postgres on 127.0.0.1, every database, `poolSize` server connections per database however many clients.
 */
export async function startPgBouncer(dir: string, target: { host: string; port: number }, poolSize: number): Promise<PgBouncer> {
  const port = await freePort();
  const file = (name: string) => join(dir, name);
  writeFileSync(file("userlist.txt"), `"postgres" ""\n`);
  writeFileSync(
    file("pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${target.host} port=${target.port}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${file("userlist.txt")}`,
      "admin_users = postgres",
      "pool_mode = transaction",
      `default_pool_size = ${poolSize}`,
      "max_client_conn = 500",
      `logfile = ${file("pgbouncer.log")}`,
      `pidfile = ${file("pgbouncer.pid")}`,
    ].join("\n") + "\n",
  );
  for (const name of ["userlist.txt", "pgbouncer.ini"]) giveToPostgres(file(name));
  runAsPostgres("pgbouncer", ["-d", file("pgbouncer.ini")]);
  // Daemonised: ready once it accepts connections.
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (Date.now() > deadline) throw new Error(`PgBouncer does not listen on ${port}:\n${readFileSync(file("pgbouncer.log"), "utf8")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    urlOf: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    adminUrl: `postgres://postgres@127.0.0.1:${port}/pgbouncer`,
    log: () => (existsSync(file("pgbouncer.log")) ? readFileSync(file("pgbouncer.log"), "utf8") : ""),
    stop: () => {
      const pid = Number(readFileSync(file("pgbouncer.pid"), "utf8"));
      if (pid > 0) process.kill(pid, "SIGTERM");
    },
  };
}

const accepts = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.destroy();
      done(true);
    }).on("error", () => done(false));
  });
