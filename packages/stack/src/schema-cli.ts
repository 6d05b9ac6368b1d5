import "reflect-metadata";
import { civilToday } from "@contagem/schema";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildSchema } from "graphql";
import { Temporal } from "temporal-polyfill";
import { ROOT, staleArtifacts, writeArtifacts } from "./artifacts";
import { checkCompatibility, type DeprecationLedger } from "./schema-governance";
import { cutRelease, DEPRECATION_LEDGER, PUBLIC_SCHEMA, RELEASED_SCHEMA, SCHEMA_CHANGELOG, sdlOf } from "./schema-release";

const read = (path: string) => readFile(join(ROOT, path), "utf8");
const readLedger = async (): Promise<DeprecationLedger> => JSON.parse(await read(DEPRECATION_LEDGER)) as DeprecationLedger;

/**
 * `npm run schema` writes the subgraph SDL files, the supergraph, the public schema and the changelog's unreleased
 * section; `--check` reports stale ones and breaking changes outside the deprecation policy; `--release` makes the
 * current public schema the released one and dates its changelog section.
 */
async function main() {
  if (process.argv.includes("--check")) {
    const stale = await staleArtifacts();
    if (stale.length) {
      console.error(`Stale: ${stale.join(", ")}. Run \`npm run schema\` and commit the result.`);
      process.exit(1);
    }
    console.log("Subgraph SDL, supergraph, public schema and schema changelog are up to date.");
    const report = await checkCompatibility(
      buildSchema(sdlOf(await read(RELEASED_SCHEMA))),
      buildSchema(sdlOf(await read(PUBLIC_SCHEMA))),
      await readLedger(),
      Temporal.PlainDate.from(civilToday()),
    );
    if (report.violations.length) {
      console.error(`The public schema breaks the deprecation policy (see SCHEMA-CHANGELOG.md):\n${report.violations.map((v) => `- ${v}`).join("\n")}`);
      process.exit(1);
    }
    console.log(`Public schema compatible with the released one (${report.changes.length} changes, none breaking outside the deprecation policy).`);
    return;
  }
  for (const path of await writeArtifacts()) console.log(`wrote ${path}`);
  if (process.argv.includes("--release")) {
    const today = civilToday();
    const release = await cutRelease({
      released: await read(RELEASED_SCHEMA),
      current: await read(PUBLIC_SCHEMA),
      changelog: await read(SCHEMA_CHANGELOG),
      ledger: await readLedger(),
      today,
    });
    await writeFile(join(ROOT, RELEASED_SCHEMA), release.released);
    await writeFile(join(ROOT, SCHEMA_CHANGELOG), release.changelog);
    await writeFile(join(ROOT, DEPRECATION_LEDGER), `${JSON.stringify(release.ledger, null, 2)}\n`);
    console.log(`released the public schema of ${today}: wrote ${RELEASED_SCHEMA}, ${SCHEMA_CHANGELOG}, ${DEPRECATION_LEDGER}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
