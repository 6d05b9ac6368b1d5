import "reflect-metadata";
import { readCivilTimeZone, readInt, readOptional, readString, startEmbeddedDatabase, useCivilTimeZone } from "@contagem/schema";
import { isAbsolute, join } from "node:path";
import { parseArgs } from "node:util";
import { ROOT } from "./artifacts";
import { seedDemo } from "./seed-demo";

/**
 * `npm run seed:demo -- [--scale 10] [--years N] [--councils N] [--seed N]`: clearly synthetic history for
 * development and benchmarks, on the database `npm start` uses (DATABASE_URL, or the embedded one in DATA_DIR —
 * stop `npm start` first: the embedded database has one owner at a time).
 */
async function main() {
  const { values } = parseArgs({
    options: { scale: { type: "string" }, years: { type: "string" }, councils: { type: "string" }, participants: { type: "string" }, seed: { type: "string" } },
  });
  // Command-line flags, checked with the configuration readers (not environment variables).
  const flags = { SCALE: values.scale, YEARS: values.years, COUNCILS: values.councils, PARTICIPANTS: values.participants, SEED: values.seed };
  const scale = readInt(flags, "SCALE", 1, 1, 100);
  const options = {
    years: readInt(flags, "YEARS", Math.min(10, Math.max(1, scale)), 1, 30),
    councils: readInt(flags, "COUNCILS", scale >= 10 ? 25 : 10, 1, 500),
    participants: readInt(flags, "PARTICIPANTS", 10_000 * scale, 0, 10_000_000),
    seed: readInt(flags, "SEED", 20231229, 0, 2 ** 31 - 1),
  };
  if (process.env.NODE_ENV === "production") throw new Error("seed:demo writes synthetic data: refused with NODE_ENV=production.");
  useCivilTimeZone(readCivilTimeZone(process.env));
  const dataDir = readString(process.env, "DATA_DIR", ".data");
  let url = readOptional(process.env, "DATABASE_URL");
  const embedded = url ? undefined : await startEmbeddedDatabase({ dataDir: join(isAbsolute(dataDir) ? dataDir : join(ROOT, dataDir), "pglite") });
  url ??= embedded!.url;
  try {
    process.stdout.write(`${await seedDemo(url, options, process.env)}\n`);
  } finally {
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(`seed:demo: ${(error as Error).message}`);
  process.exit(1);
});
