import type { OversizedShape, OversizedSpec } from "./request";

/** `npm run fuzz` options. */
export interface FuzzArgs {
  operations: number;
  seed: number;
  url: string;
  /** Subgraph URLs by name. */
  subgraphs: Record<string, string>;
  dataDir: string;
  concurrency: number;
  timeoutMs: number;
  /** Largest oversized body, in bytes (0: none). */
  maxBodyBytes: number;
  report?: string;
  /** Send only this request of the run, and print it with its answer. */
  only?: number;
  /** Start the run at this request (after a crash stopped an earlier run, and the system was restarted). */
  from?: number;
}

/** The subgraphs in the gateway's order, with the ports `npm start` gives them unless `<NAME>_PORT` says otherwise. */
const SUBGRAPH_PORTS: Record<string, number> = { councils: 4001, meetings: 4002, participation: 4003 };
const SUBGRAPH_ORDER = Object.keys(SUBGRAPH_PORTS);

/** `--subgraphs auto`: each subgraph where the stack puts it, from `<NAME>_URL` or `<NAME>_PORT` as the stack reads them. */
export function stackSubgraphs(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    SUBGRAPH_ORDER.map((name) => {
      const upper = name.toUpperCase();
      return [name, env[`${upper}_URL`] || `http://127.0.0.1:${env[`${upper}_PORT`] || SUBGRAPH_PORTS[name]}/graphql`];
    }),
  );
}

const integer = (flag: string, value: string, min: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} takes an integer ≥ ${min}, not ${JSON.stringify(value)}.`);
  return n;
};

/**
 * `--subgraphs` takes `auto`, URLs in the gateway's order (councils, meetings, participation) or `name=url` pairs,
 * comma-separated.
 */
export function parseSubgraphs(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .forEach((item, i) => {
      const named = /^([a-z][a-z-]*)=(.+)$/.exec(item);
      const name = named ? named[1] : SUBGRAPH_ORDER[i];
      if (!name) throw new Error(`--subgraphs: which subgraph is ${item}? Use name=url.`);
      out[name] = named ? named[2] : item;
    });
  return out;
}

export function parseFuzzArgs(argv: string[], env: NodeJS.ProcessEnv, randomSeed = () => Math.floor(Math.random() * 1e9)): FuzzArgs {
  const args: FuzzArgs = {
    operations: 1000,
    seed: randomSeed(),
    url: "http://localhost:4000/graphql",
    subgraphs: {},
    dataDir: env.DATA_DIR || ".data",
    concurrency: 4,
    timeoutMs: 5000,
    maxBodyBytes: 20_000_000,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value.`);
    i++;
    switch (flag) {
      case "--operations":
        args.operations = integer(flag, value, 1);
        break;
      case "--seed":
        args.seed = integer(flag, value, 0);
        break;
      case "--url":
        args.url = value;
        break;
      case "--subgraphs":
        args.subgraphs = value === "auto" ? stackSubgraphs(env) : parseSubgraphs(value);
        break;
      case "--data-dir":
        args.dataDir = value;
        break;
      case "--concurrency":
        args.concurrency = integer(flag, value, 1);
        break;
      case "--timeout":
        args.timeoutMs = integer(flag, value, 100);
        break;
      case "--max-body-mb":
        args.maxBodyBytes = Math.round(Number(value) * 1e6);
        if (!(args.maxBodyBytes >= 0)) throw new Error(`--max-body-mb takes a number of megabytes, not ${JSON.stringify(value)}.`);
        break;
      case "--report":
        args.report = value;
        break;
      case "--only":
        args.only = integer(flag, value, 0);
        break;
      case "--from":
        args.from = integer(flag, value, 0);
        break;
      default:
        throw new Error(`Unknown option ${flag}.`);
    }
  }
  return args;
}

/**
 * The CLI's oversized bodies: a few of 1–20 MB at the gateway, of every shape, and one of 2 MB at each subgraph;
 * none above the cap.
 */
export function oversizedPlan(args: Pick<FuzzArgs, "maxBodyBytes" | "subgraphs">): OversizedSpec[] {
  const gateway: [number, OversizedShape][] = [
    [1_100_000, "string"],
    [2_000_000, "comment"],
    [5_000_000, "numbers"],
    [20_000_000, "string"],
    [20_000_000, "numbers"],
    [20_000_000, "batch"],
  ];
  const sizes: OversizedSpec[] = [
    ...gateway.map(([bytes, shape]) => ({ target: "gateway", bytes, shape })),
    ...Object.keys(args.subgraphs).map((target) => ({ target, bytes: 2_000_000, shape: "numbers" as const })),
  ];
  return sizes.filter((s) => s.bytes <= args.maxBodyBytes);
}
