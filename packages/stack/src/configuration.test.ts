import { SUBGRAPHS } from "@contagem/gateway";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml, parseAllDocuments } from "yaml";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * One list of settings, kept in step: every environment variable the code reads is in the README's configuration
 * table, in `.env.example`, and in the Kubernetes ConfigMap or Secret — or in OPERATIONS.md's list of what the
 * manifests leave out, with the reason. And nothing is configured that no code reads (a misspelt name is ignored
 * silently by the process, so it is caught here).
 */
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

/** The code that runs in production and its command-line tools; the test kit, bench and fuzzer read their own. */
const PRODUCT_SOURCES = ["packages/common/src", "packages/schema/src", "packages/record/src", "packages/stack/src", ...SUBGRAPHS.map(({ name }) => `services/${name}/src`), "gateway/src"];

/** Variables the deployment files set ahead of the code that will read them, and why. */
const AWAITED: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((entry) => {
    const path = `${dir}/${entry}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry) && !/\.(test|fixtures)\.ts$/.test(entry) ? [path] : [];
  });
}

/**
 * Every variable read from an environment: `readInt(env, "NAME", …)` and the other readers, `env.NAME`,
 * `process.env.NAME`, `env["NAME"]`; a name built per subgraph (`${prefix}_PORT`) stands for each subgraph's; a
 * subgraph definition's `settings` and `secrets` are read by name.
 */
function variablesTheCodeReads(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const add = (name: string, file: string) => found.set(name, (found.get(name) ?? new Set()).add(file));
  for (const file of PRODUCT_SOURCES.flatMap(sourceFiles)) {
    const text = read(file);
    for (const m of text.matchAll(/\benv\s*,\s*"([A-Z][A-Z0-9_]*)"/g)) add(m[1], file);
    for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]*)\b/g)) add(m[1], file);
    for (const m of text.matchAll(/\benv\[\s*"([A-Z][A-Z0-9_]*)"\s*\]/g)) add(m[1], file);
    for (const m of text.matchAll(/\benv\s*,\s*`\$\{[^}]+\}(_[A-Z][A-Z0-9_]*)`/g)) {
      for (const { name } of SUBGRAPHS) add(`${name.toUpperCase()}${m[1]}`, file);
    }
  }
  for (const definition of DEFINITIONS) {
    for (const name of [...(definition.settings ?? []), ...(definition.secrets ?? [])]) add(name, `services/${definition.name} (definition)`);
  }
  return found;
}

/** The upper-case names in backticks in the first cell of each row of a Markdown table in `section`. */
function tableNames(markdown: string, heading: string): Map<string, string> {
  const start = markdown.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`no section "${heading}"`);
  const level = heading.split(" ")[0];
  const rest = markdown.slice(start + heading.length);
  const end = rest.search(new RegExp(`\\n#{1,${level.length}} `));
  const names = new Map<string, string>();
  for (const row of (end < 0 ? rest : rest.slice(0, end)).split("\n").filter((line) => line.startsWith("| `"))) {
    const [first, ...others] = row.slice(1).split(" | ");
    for (const m of first.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.set(m[1], others.join(" | ").replace(/\|\s*$/, "").trim());
  }
  return names;
}

describe("configuration", () => {
  const reads = variablesTheCodeReads();
  const code = [...reads.keys()].sort();
  const readme = tableNames(read("README.md"), "## Configuration");
  const leftOut = tableNames(read("OPERATIONS.md"), "### Configuration in Kubernetes");
  const k8s = ["config.yaml", "secret.example.yaml"].flatMap((file) => parseAllDocuments(read(`deploy/kubernetes/${file}`)).map((d) => d.toJS()));
  const configMap = Object.keys(k8s.find((o) => o.kind === "ConfigMap").data);
  const secret = Object.keys(k8s.find((o) => o.kind === "Secret").stringData);
  const envExample = [...read(".env.example").matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);

  it("finds what each kind of read reads (so that the checks below see every variable)", () => {
    // readInt in a shared reader, a per-subgraph name, env.NAME, process.env.NAME, a definition's setting and secret.
    expect(code).toEqual(expect.arrayContaining(["QUERY_MAX_NODES", "COUNCILS_PORT", "PARTICIPATION_DB_SCHEMA", "CIVIL_TIME_ZONE", "FIGURES_FRESH_MS", "DOCUMENT_MAX_BYTES", "PII_KEY"]));
    // Command-line flags checked with the same readers are not environment variables.
    expect(code).not.toContain("SCALE");
  });

  it("documents every variable the code reads in the README's configuration table, and nothing else", () => {
    const where = (name: string) => `${name} (read in ${[...reads.get(name)!].join(", ")})`;
    expect(code.filter((name) => !readme.has(name)).map(where)).toEqual([]);
    expect([...readme.keys()].filter((name) => !reads.has(name))).toEqual([]);
  });

  it("lists every variable in .env.example, and nothing else", () => {
    expect(code.filter((name) => !envExample.includes(name))).toEqual([]);
    expect(envExample.filter((name) => !reads.has(name) && name !== "POSTGRES_PASSWORD")).toEqual([]);
  });

  it("sets every variable in the Kubernetes ConfigMap or Secret, or says in OPERATIONS.md why not", () => {
    const configured = new Set([...configMap, ...secret]);
    expect(code.filter((name) => !configured.has(name) && !leftOut.has(name))).toEqual([]);
    expect([...leftOut.keys()].filter((name) => configured.has(name) || !reads.has(name))).toEqual([]);
    for (const [name, reason] of leftOut) expect([name, reason.length > 20]).toEqual([name, true]);
    expect(configMap.filter((name) => secret.includes(name))).toEqual([]);
    // What only the Secret may hold.
    expect(secret.sort()).toEqual(["DATABASE_READ_URL", "DATABASE_URL", "JWT_SECRET", "METRICS_TOKEN", "PII_KEY", "REDIS_URL"]);
  });

  it("configures nothing that no code reads, in the manifests and in compose.yaml", () => {
    const compose = parseYaml(read("compose.yaml"), { merge: true }) as { services: Record<string, { build?: unknown; environment?: Record<string, string> }> };
    const composed = Object.values(compose.services).flatMap((service) => (service.build === undefined ? [] : Object.keys(service.environment ?? {})));
    const unread = (names: string[]) => [...new Set(names)].filter((name) => !reads.has(name) && !(name in AWAITED));
    expect(unread([...configMap, ...secret])).toEqual([]);
    expect(unread(composed)).toEqual([]);
  });
});
