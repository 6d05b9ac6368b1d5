import { badCursor } from "./generators/cursors";
import { dateEdges } from "./generators/dates";
import { mediaTypes } from "./generators/media";
import { deepNesting } from "./generators/nesting";
import type { Generator } from "./generators/context";
import { federationAbuse } from "./generators/federation";
import { httpAbuse, oversizedBody } from "./generators/http";
import { hostileStrings, randomMutation, validLookingQuery } from "./generators/queries";
import { shapeAbuse } from "./generators/shapes";
import type { Target } from "./model";
import { caseSeed, createRandom } from "./random";
import type { Category, FuzzRequest, OversizedSpec } from "./request";
import { pickCredential, type Credential } from "./tokens";

/** Everything that decides a run's requests: the same plan generates the same requests, one by one. */
export interface Plan {
  seed: number;
  operations: number;
  targets: Target[];
  credentials: Credential[];
  /** Bodies over 1 MB, sent at fixed positions at the end of the run (a few: each one is megabytes). */
  oversized: OversizedSpec[];
  /** Share of requests for the gateway when subgraphs are targets too. */
  gatewayShare: number;
}

/** How often each kind of request is generated; subgraphs also get federation's entry points. */
const MIX: Record<"gateway" | "subgraph", readonly (readonly [number, Category])[]> = {
  gateway: [
    [26, "query"],
    [16, "strings"],
    [12, "cursor"],
    [12, "shape"],
    [14, "http"],
    [18, "mutation"],
    [2, "federation"],
    [8, "dates"],
    [3, "nesting"],
    [5, "media"],
  ],
  subgraph: [
    [20, "query"],
    [14, "strings"],
    [10, "cursor"],
    [12, "shape"],
    [10, "http"],
    [14, "mutation"],
    [20, "federation"],
    [8, "dates"],
    [3, "nesting"],
    [3, "media"],
  ],
};

const GENERATORS: Record<Category, Generator> = {
  query: validLookingQuery,
  strings: hostileStrings,
  cursor: badCursor,
  shape: shapeAbuse,
  http: httpAbuse,
  mutation: randomMutation,
  federation: federationAbuse,
  dates: dateEdges,
  nesting: deepNesting,
  media: mediaTypes,
};

/** Writes are tried under every identity; reads mostly anonymously, as the public graph is read. */
const ANONYMOUS_SHARE: Record<Category, number> = {
  query: 0.6,
  strings: 0.5,
  cursor: 0.6,
  shape: 0.7,
  http: 0.8,
  mutation: 0.1,
  federation: 0.6,
  dates: 0.4,
  nesting: 0.8,
  // A media type's status is decided before any token is read; a refused token would only answer 401 first.
  media: 1,
};

/**
 * Oversized bodies go last, smallest first, a few requests apart: if megabytes crash a process, the crash ends the
 * run without hiding what the rest of it would have found.
 */
function oversizedAt(plan: Plan): Map<number, OversizedSpec> {
  const at = new Map<number, OversizedSpec>();
  const sorted = [...plan.oversized].sort((a, b) => a.bytes - b.bytes);
  sorted.forEach((spec, k) => at.set(Math.max(0, plan.operations - 1 - (sorted.length - 1 - k) * 10), spec));
  return at;
}

const schedules = new WeakMap<Plan, Map<number, OversizedSpec>>();

/** Request `index` of the run. Pure: it depends on the plan and the index only. */
export function generate(plan: Plan, index: number): FuzzRequest {
  const rnd = createRandom(caseSeed(plan.seed, index));
  let schedule = schedules.get(plan);
  if (!schedule) schedules.set(plan, (schedule = oversizedAt(plan)));
  const gateway = plan.targets.find((t) => t.name === "gateway");
  const subgraphs = plan.targets.filter((t) => t.name !== "gateway");
  const big = schedule.get(index);
  const target = big
    ? (plan.targets.find((t) => t.name === big.target) ?? plan.targets[0])
    : gateway && (!subgraphs.length || rnd.chance(plan.gatewayShare))
      ? gateway
      : rnd.pick(subgraphs);
  const ctx = { target, rnd };
  const category = big ? "http" : rnd.weighted(MIX[target.name === "gateway" ? "gateway" : "subgraph"]);
  const draft = big ? oversizedBody(big.bytes, big.shape) : GENERATORS[category](ctx);
  const credential = pickCredential(plan.credentials, rnd, ANONYMOUS_SHARE[draft.writes ? "mutation" : category]);
  const headers = { ...draft.headers };
  if (credential.authorization && !headers.authorization) headers.authorization = credential.authorization;
  // Half the requests carry our own request id: the product keeps it end to end, so server logs name the request.
  if (!headers["x-request-id"] && rnd.chance(0.5)) headers["x-request-id"] = `fuzz-${plan.seed}-${index}`;
  const carried = headers.authorization === credential.authorization;
  return {
    ...draft,
    headers,
    index,
    target: target.name,
    as: headers.authorization ? credential.as : "anonymous",
    ...(carried && credential.refused ? { refusedToken: credential.as } : {}),
    ...(carried && credential.valid ? { validToken: credential.as } : {}),
  };
}
