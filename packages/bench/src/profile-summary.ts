import { sep } from "node:path";

/**
 * Where a process's CPU time went, from a V8 `.cpuprofile` (what `node --cpu-prof` writes): self time summed by
 * where the code lives (a package of node_modules, one of our workspaces, Node's own modules, V8's garbage
 * collector, native code), and the functions with the most self time. Self time is exact per sample (every sample is
 * charged to the function on top of the stack), so the buckets add up to the profile's whole duration.
 */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  /** Milliseconds of the profile in which the process was busy (everything but `(idle)`). */
  busyMs: number;
  /**
   * Busy milliseconds by where the code lives, largest first; `withCalls` adds the time of Node's built-ins and
   * native code charged to the nearest caller that is not (what a package's use of the runtime costs it).
   */
  byPlace: { place: string; ms: number; share: number; withCallsMs: number }[];
  /** The functions with the most self time. */
  topFunctions: { name: string; place: string; ms: number; share: number }[];
}

/** The place a frame's code lives: `pkg:<name>` for node_modules, `ours:<workspace>`, `node:internal`, or V8's own. */
export function placeOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === "(garbage collector)") return "V8: garbage collector";
    if (functionName === "(program)") return "V8: program (compiler, native)";
    if (functionName === "(idle)") return "(idle)";
    return `native: ${functionName || "(anonymous)"}`;
  }
  if (url.startsWith("node:")) return "Node.js built-ins";
  const path = url.replace(/^file:\/\//, "");
  const modules = path.lastIndexOf(`${sep}node_modules${sep}`);
  if (modules >= 0) {
    const rest = path.slice(modules + "/node_modules/".length).split(sep);
    const name = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    if (name.startsWith("@contagem/")) return `ours: ${name}`;
    return name;
  }
  const workspace = /\/(packages|services|gateway)\/([^/]+)?/.exec(path);
  if (workspace) return workspace[1] === "gateway" ? "ours: @contagem/gateway" : `ours: ${workspace[1]}/${workspace[2]}`;
  return path;
}

/**
 * Sums self time per function over the samples taken within `window` (microseconds of the monotonic clock V8 and
 * `process.hrtime` share on Linux), so that start-up and shutdown are left out; the whole profile without one.
 */
export function summarizeProfile(profile: CpuProfile, window?: { fromUs: number; toUs: number }, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  // timeDeltas[i] is the time before sample i; the sample's duration is the next delta (V8's convention).
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    const duration = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + Math.max(0, duration));
  }
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const isRuntime = (place: string) => place === "Node.js built-ins" || place.startsWith("native: ");
  /** The nearest caller of a built-in or native frame that is code of a package or ours. */
  const ownerOf = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      const place = placeOf(frame.url, frame.functionName);
      if (!isRuntime(place) && place !== "native: (root)") return place;
    }
    return "Node.js built-ins";
  };
  const places = new Map<string, number>();
  const withCalls = new Map<string, number>();
  const functions = new Map<string, { name: string; place: string; us: number }>();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const place = placeOf(frame.url, frame.functionName);
    if (place === "(idle)") continue;
    busyUs += us;
    places.set(place, (places.get(place) ?? 0) + us);
    const owner = isRuntime(place) ? ownerOf(id) : place;
    withCalls.set(owner, (withCalls.get(owner) ?? 0) + us);
    const file = frame.url.split("/").slice(-1)[0];
    const key = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
    const entry = functions.get(key) ?? { name: key, place, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  const share = (us: number) => (busyUs ? us / busyUs : 0);
  return {
    busyMs: busyUs / 1000,
    byPlace: [...new Set([...places.keys(), ...withCalls.keys()])]
      .map((place) => ({ place, ms: (places.get(place) ?? 0) / 1000, share: share(places.get(place) ?? 0), withCallsMs: (withCalls.get(place) ?? 0) / 1000 }))
      .sort((a, b) => b.withCallsMs - a.withCallsMs),
    topFunctions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, place: f.place, ms: f.us / 1000, share: share(f.us) })),
  };
}

/** A Markdown section for one process's profile: its busy time per request, by place and by function. */
export function renderProfile(title: string, summary: ProfileSummary, requests: number, places = 12): string {
  const perRequest = (ms: number) => (requests ? (ms / requests).toFixed(2) : "—");
  const lines = [
    `#### ${title}`,
    "",
    `${summary.busyMs.toFixed(0)} ms busy over ${requests} requests: **${perRequest(summary.busyMs)} ms CPU per request**.`,
    "",
    "| where | self ms / request | share | with the Node.js work it called, ms / request |",
    "|---|---:|---:|---:|",
    ...summary.byPlace.slice(0, places).map((p) => `| ${p.place} | ${perRequest(p.ms)} | ${(p.share * 100).toFixed(1)} % | ${perRequest(p.withCallsMs)} |`),
    "",
    "| function (self time) | where | ms / request | share |",
    "|---|---|---:|---:|",
    ...summary.topFunctions.map((f) => `| \`${f.name.replace(/\|/g, "\\|")}\` | ${f.place} | ${perRequest(f.ms)} | ${(f.share * 100).toFixed(1)} % |`),
    "",
  ];
  return lines.join("\n");
}
