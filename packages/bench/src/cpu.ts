import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time of processes from Linux's `/proc/<pid>/stat` (user + system, in clock ticks): what a request costs each
 * process, far steadier than wall time on a shared machine. PostgreSQL is counted as all its processes together
 * (backends, and what exited backends left in the postmaster's children's time): during a measured window only the
 * bench's load runs queries, so its growth is the database's cost of that load.
 */
const TICK_MS = (() => {
  try {
    return 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
  } catch {
    return 10; // USER_HZ is 100 on Linux
  }
})();

/** Fields after the command name (which may hold spaces and parentheses): state is [0], utime [11], stime [12], cutime [13], cstime [14]. */
function statFields(pid: number | string): { comm: string; fields: string[] } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const open = stat.indexOf("(");
    const close = stat.lastIndexOf(")");
    return { comm: stat.slice(open + 1, close), fields: stat.slice(close + 2).split(" ") };
  } catch {
    return null;
  }
}

/** CPU milliseconds a process has used so far (user + system), or NaN when it is gone. */
export function processCpuMs(pid: number | undefined): number {
  const stat = pid === undefined ? null : statFields(pid);
  return stat ? (Number(stat.fields[11]) + Number(stat.fields[12])) * TICK_MS : NaN;
}

/** CPU milliseconds used by every `postgres` process on the machine, with what its reaped children used. */
export function postgresCpuMs(): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statFields(entry);
    if (stat?.comm !== "postgres") continue;
    const [utime, stime, cutime, cstime] = stat.fields.slice(11, 15).map(Number);
    ticks += utime + stime + cutime + cstime;
  }
  return ticks * TICK_MS;
}

/** A reading of several processes' CPU time, by name. */
export type CpuReading = Record<string, number>;

/** Reads the named processes (and PostgreSQL) now. */
export function readCpu(pids: Record<string, number | undefined>): CpuReading {
  const reading: CpuReading = {};
  for (const [name, pid] of Object.entries(pids)) reading[name] = processCpuMs(pid);
  reading.PostgreSQL = postgresCpuMs();
  return reading;
}

/** CPU milliseconds each process spent between two readings. */
export function cpuSpent(before: CpuReading, after: CpuReading): CpuReading {
  const out: CpuReading = {};
  for (const name of Object.keys(after)) out[name] = after[name] - before[name];
  return out;
}

/** CPU milliseconds per request of each process, from what they spent. */
export function cpuPerRequest(spent: CpuReading, requests: number): CpuReading {
  const out: CpuReading = {};
  for (const [name, ms] of Object.entries(spent)) out[name] = requests > 0 ? ms / requests : NaN;
  return out;
}
