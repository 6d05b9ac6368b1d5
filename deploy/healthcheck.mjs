// Docker's HEALTHCHECK for every command of the image: finds the Node process this container runs (PID 1, or a child
// of an init), and asks it for /readyz on the port it reads from the same environment. The webhook worker, migrate and
// export serve no HTTP: for them, a running process is all Docker can see (they exit on a fatal error).
import { readdirSync, readFileSync } from "node:fs";

const SERVERS = [
  { script: "gateway/dist/main.js", port: "PORT", fallback: 4000 },
  { script: "packages/stack/dist/main.js", port: "PORT", fallback: 4000 },
  { script: "services/councils/dist/main.js", port: "COUNCILS_PORT", fallback: 4001 },
  { script: "services/meetings/dist/main.js", port: "MEETINGS_PORT", fallback: 4002 },
  { script: "services/participation/dist/main.js", port: "PARTICIPATION_PORT", fallback: 4003 },
];

const commandLines = readdirSync("/proc")
  .filter((entry) => /^\d+$/.test(entry))
  .map((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    } catch {
      return [];
    }
  });
const server = SERVERS.find(({ script }) => commandLines.some((args) => args.some((arg) => arg.endsWith(script))));
if (!server) process.exit(0);
const port = Number(process.env[server.port] || server.fallback);
try {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(4000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
