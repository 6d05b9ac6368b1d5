// Builds the browsable schema reference the gateway serves at /docs: SpectaQL renders the client-facing schema of the
// committed supergraph into one self-contained HTML page (its script and styles inline, nothing fetched from another
// host), so the reference works offline like the IDE. Runs after the gateway's compile step (it reads dist/).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const gateway = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { publicSdl } = require(join(gateway, "dist", "public-schema.js"));
const spectaql = join(dirname(require.resolve("spectaql/package.json")), "bin", "spectaql.js");

const work = mkdtempSync(join(tmpdir(), "reference-docs-"));
try {
  const schemaFile = join(work, "public.graphql");
  writeFileSync(schemaFile, publicSdl(readFileSync(join(gateway, "supergraph.graphql"), "utf8")));
  const description = [
    "The public GraphQL API of the participation system of Contagem (Minas Gerais, Brazil): councils, their members,",
    "meetings, minutes, resolutions and citizens' participation. Every type, field and argument below, generated from",
    "the schema the gateway serves.",
    "",
    "- Try queries in the IDE: [/graphql](/graphql)",
    "- The schema as SDL, for code generators: [/schema.graphql](/schema.graphql)",
    "- What changed, release by release: [/schema-changelog.md](/schema-changelog.md)",
  ].join("\n");
  const config = {
    spectaql: { targetDir: join(gateway, "dist", "docs"), embeddable: false, oneFile: true, embedLogo: false, embedFavicon: false },
    introspection: { schemaFile, removeTrailingPeriodFromDescriptions: false },
    info: { title: "Contagem Participation Graph — schema reference", description },
    // SpectaQL shows this address in its examples; `npm start` serves the API there.
    servers: [{ url: "http://localhost:4000/graphql", description: "npm start", production: true }],
  };
  const configFile = join(work, "spectaql.yml");
  writeFileSync(configFile, JSON.stringify(config));
  try {
    // Its build tools print pages of deprecation notices: shown only when it fails.
    execFileSync(process.execPath, [spectaql, configFile], { stdio: "pipe" });
  } catch (error) {
    console.error(`${error.stdout ?? ""}${error.stderr ?? ""}`);
    throw error;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
