import { demoRegions, seedCouncilsDemo } from "@contagem/councils";
import { seedMeetingsDemo } from "@contagem/meetings";
import { seedParticipationDemo } from "@contagem/participation";
import { createLogger, DEFAULT_AUDIT_SCHEMA, prepareDatabase, readString } from "@contagem/schema";
import type { EntityManager, MikroORM } from "@mikro-orm/postgresql";
import { DEFINITIONS } from "./artifacts";

export interface DemoOptions {
  years: number;
  councils: number;
  participants: number;
  seed: number;
}

/** Migrates and seeds every subgraph's schema at `url`, then adds the synthetic history; returns a summary line. */
export async function seedDemo(url: string, options: DemoOptions, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const logger = createLogger("seed-demo", "warn");
  const auditSchema = readString(env, "AUDIT_DB_SCHEMA", DEFAULT_AUDIT_SCHEMA);
  const started = Date.now();
  const orms = Object.fromEntries(
    await Promise.all(
      DEFINITIONS.map(
        async (d) =>
          [
            d.name,
            await prepareDatabase(d, {
              url,
              schema: readString(env, `${d.name.toUpperCase()}_DB_SCHEMA`, d.name),
              auditSchema,
              logger,
              // A default seed that asks peers (the record's meetings name their councils by slug) runs when the
              // stack starts: no subgraph listens here.
              seed: !d.peers?.length,
            }),
          ] as const,
      ),
    ),
  );
  try {
    const { structure, counts, people } = await seedDemoInto(orms as DemoOrms, options);
    // Fresh statistics for the planner after bulk loading.
    for (const orm of Object.values(orms)) await orm.em.getConnection().execute(`analyze`);
    const seats = structure.reduce((n, c) => n + c.terms.reduce((m, t) => m + t.seats.length, 0), 0);
    return (
      `seed:demo (synthetic, seed ${options.seed}): ${structure.length} councils, ${seats} seats over ${options.years} years; ` +
      `${counts.meetings} meetings, ${counts.attendance} attendance rows, ${counts.deliberations} deliberations, ` +
      `${counts.minutes} minutes, ${counts.resolutions} resolutions; ${people.participants} participants, ` +
      `${people.processes} processes, ${people.ballots} ballots, ${people.supports} supports, ${people.contributions} comments, ` +
      `${people.interventions} works — in ${((Date.now() - started) / 1000).toFixed(1)} s`
    );
  } finally {
    await Promise.all(Object.values(orms).map((orm) => orm.close()));
  }
}

export type DemoOrms = Record<"councils" | "meetings" | "participation", MikroORM>;

/**
 * The synthetic history, in one transaction: the three subgraphs' schemas share the database, so the meetings and
 * participation parts run on the councils part's transaction (as savepoints) and a failure anywhere leaves nothing
 * behind — and on the embedded database, one connection is all it ever waits on.
 */
export async function seedDemoInto(orms: DemoOrms, options: Omit<DemoOptions, "participants"> & { participants: number }) {
  return orms.councils.em.fork().transactional(async (councils) => {
    const ctx = councils.getTransactionContext();
    const structure = await seedCouncilsDemo(councils as EntityManager, options);
    const counts = await orms.meetings.em.fork().transactional((em) => seedMeetingsDemo(em as EntityManager, structure, options), { ctx });
    const regions = await demoRegions(councils as EntityManager);
    const people = await orms.participation.em
      .fork()
      .transactional((em) => seedParticipationDemo(em as EntityManager, { ...options, regions, meetings: counts.heldMeetings }), { ctx });
    return { structure, counts, people };
  });
}
