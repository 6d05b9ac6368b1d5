import "reflect-metadata";
import { staleArtifacts, writeArtifacts } from "./artifacts";

/** `npm run schema` writes the subgraph SDL files and the supergraph; `--check` only reports stale ones. */
async function main() {
  if (process.argv.includes("--check")) {
    const stale = await staleArtifacts();
    if (stale.length) {
      console.error(`Stale: ${stale.join(", ")}. Run \`npm run schema\` and commit the result.`);
      process.exit(1);
    }
    console.log("Subgraph SDL and supergraph are up to date.");
    return;
  }
  for (const path of await writeArtifacts()) console.log(`wrote ${path}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
