import "reflect-metadata";
import { demoRegions, seedCouncilsDemo } from "@contagem/councils";
import { seedMeetingsDemo } from "@contagem/meetings";
import { seedParticipationDemo } from "@contagem/participation";
import { createLogger, DEFAULT_AUDIT_SCHEMA, prepareDatabase, readInt, readOptional, readString, startEmbeddedDatabase } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { isAbsolute, join } from "node:path";
import { parseArgs } from "node:util";
import { ROOT, DEFINITIONS } from "./artifacts";

/**
 * `npm run seed:demo -- [--scale 10] [--years N] [--councils N] [--seed N]`: clearly synthetic history for
 * development and benchmarks, on the database `npm start` uses (DATABASE_URL, or the embedded one in DATA_DIR —
 * stop `npm start` first: the embedded database has one owner at a time).
 */
async function main() {
  const { values } = parseArgs({
    options: { scale: { type: "string" }, years: { type: "string" }, councils: { type: "string" }, participants: { type: "string" }, seed: { type: "string" } },
  });
  const env = { SCALE: values.scale, YEARS: values.years, COUNCILS: values.councils, PARTICIPANTS: values.participants, SEED: values.seed };
  const scale = readInt(env, "SCALE", 1, 1, 100);
  const options = {
    years: readInt(env, "YEARS", Math.min(10, Math.max(1, scale)), 1, 30),
    councils: readInt(env, "COUNCILS", scale >= 10 ? 45 : 30, 1, 500),
    participants: readInt(env, "PARTICIPANTS", 10_000 * scale, 0, 10_000_000),
    seed: readInt(env, "SEED", 20231229, 0, 2 ** 31 - 1),
  };
  if (process.env.NODE_ENV === "production") throw new Error("seed:demo writes synthetic data: refused with NODE_ENV=production.");
  const logger = createLogger("seed-demo", "warn");
  const dataDir = readString(process.env, "DATA_DIR", ".data");
  let url = readOptional(process.env, "DATABASE_URL");
  const embedded = url ? undefined : await startEmbeddedDatabase({ dataDir: join(isAbsolute(dataDir) ? dataDir : join(ROOT, dataDir), "pglite") });
  url ??= embedded!.url;
  const auditSchema = readString(process.env, "AUDIT_DB_SCHEMA", DEFAULT_AUDIT_SCHEMA);
  const started = Date.now();
  try {
    const orms = Object.fromEntries(
      await Promise.all(
        DEFINITIONS.map(async (d) => [d.name, await prepareDatabase(d, { url: url!, schema: readString(process.env, `${d.name.toUpperCase()}_DB_SCHEMA`, d.name), auditSchema, logger })] as const),
      ),
    );
    const structure = await orms.councils.em.fork().transactional((em) => seedCouncilsDemo(em as EntityManager, options));
    const counts = await orms.meetings.em.fork().transactional((em) => seedMeetingsDemo(em as EntityManager, structure, options));
    const regions = await demoRegions(orms.councils.em.fork());
    const people = await orms.participation.em.fork().transactional((em) =>
      seedParticipationDemo(em as EntityManager, { ...options, regions, meetings: counts.heldMeetings }),
    );
    const seats = structure.reduce((n, c) => n + c.terms.reduce((m, t) => m + t.seats.length, 0), 0);
    process.stdout.write(
      `seed:demo (synthetic, seed ${options.seed}): ${structure.length} councils, ${seats} seats over ${options.years} years; ` +
        `${counts.meetings} meetings, ${counts.attendance} attendance rows, ${counts.deliberations} deliberations, ` +
        `${counts.minutes} minutes, ${counts.resolutions} resolutions; ${people.participants} participants, ` +
        `${people.processes} processes, ${people.ballots} ballots, ${people.supports} supports, ${people.contributions} comments, ` +
        `${people.interventions} works — in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    await Promise.all(Object.values(orms).map((orm) => orm.close()));
  } finally {
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(`seed:demo: ${(error as Error).message}`);
  process.exit(1);
});
