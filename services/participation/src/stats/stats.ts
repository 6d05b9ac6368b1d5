import { batchOptions, civilTimestampSql, type RequestContext } from "@contagem/schema";
import DataLoader from "dataloader";
import { registerEnumType } from "type-graphql";
import { figuresSalt, keySumSql, personKeySql, publishedCount } from "./disclosure";

export enum StatsDimension {
  TERRITORY = "TERRITORY",
  COUNCIL = "COUNCIL",
  KIND = "KIND",
  CHANNEL = "CHANNEL",
  MONTH = "MONTH",
}

registerEnumType(StatsDimension, {
  name: "StatsDimension",
  description: "What participation figures are broken down by.",
  valuesConfig: {
    TERRITORY: { description: "The region participants take part from." },
    COUNCIL: { description: "The council the activity concerns." },
    KIND: { description: "The kind of process (null for comments and presence at meetings)." },
    CHANNEL: { description: "How people took part." },
    MONTH: { description: "Calendar month in Contagem (America/Sao_Paulo), YYYY-MM: an act at 21:30 on 31 January counts in January." },
  },
});

/**
 * Figures are aggregates over every act of participation (hundreds of thousands of rows at city scale): each
 * distinct question is computed at most once per this many milliseconds per process.
 */
export const FIGURES_FRESH_MS = Number(process.env.FIGURES_FRESH_MS ?? 30_000);
const memo = new Map<string, { until: number; rows: Promise<(FigureRow & { parent?: number })[]> }>();

function remembered(key: string, compute: () => Promise<(FigureRow & { parent?: number })[]>) {
  const now = Date.now();
  const hit = memo.get(key);
  if (hit && hit.until > now) return hit.rows;
  const rows = compute();
  if (FIGURES_FRESH_MS > 0) {
    memo.set(key, { until: now + FIGURES_FRESH_MS, rows });
    rows.catch(() => memo.delete(key));
    if (memo.size > 500) memo.delete(memo.keys().next().value!);
  }
  return rows;
}

export interface StatsFilter {
  from?: Date;
  to?: Date;
  kind?: string;
  councilId?: number;
  territoryId?: number;
  channel?: string;
}

export interface FigureRow {
  territoryId: number | null;
  councilId: number | null;
  kind: string | null;
  channel: string | null;
  month: string | null;
  participants: number | null;
  activities: number | null;
  suppressed: boolean;
}

/**
 * The calendar month of an instant, Contagem's (the session's TimeZone, UTC on most servers, would move a month's last
 * evening into the next): the MONTH dimension and the bounds of a date filter are computed alike. Computed when asked,
 * because the zone is configured after this module loads.
 */
const monthOf = (instant: string) => `to_char(${civilTimestampSql(`(${instant})`)}, 'YYYY-MM')`;

const COLUMN: Record<StatsDimension, string> = {
  TERRITORY: "pa.territory_id",
  COUNCIL: "a.council_id",
  KIND: "a.kind",
  CHANNEL: "a.channel",
  get MONTH() {
    return monthOf("a.at");
  },
};

/** Every act of participation: ballots, supports, proposals, comments, presence at public meetings. */
const activities = (s: string) => `
  select b.participant_id, pr.council_id, pr.kind, b.channel, b.created_at as at
    from ${s}.ballot b join ${s}.process pr on pr.id = b.process_id
  union all
  select su.participant_id, pr.council_id, pr.kind, su.channel, su.created_at
    from ${s}.support su join ${s}.proposal p on p.id = su.proposal_id join ${s}.process pr on pr.id = p.process_id
  union all
  select p.author_id, pr.council_id, pr.kind, au.channel, p.created_at
    from ${s}.proposal p join ${s}.process pr on pr.id = p.process_id join ${s}.participant au on au.id = p.author_id
  union all
  select c.participant_id, c.council_id, null, c.channel, c.created_at from ${s}.contribution c
  union all
  select mp.participant_id, mp.council_id, null, mp.channel, mp.created_at from ${s}.meeting_presence mp`;

/**
 * Participation figures grouped by the given dimensions (and, for a batch of parents, by the parent's column),
 * each count published under the disclosure control of ./disclosure.ts.
 */
function figures(ctx: RequestContext, groupBy: StatsDimension[], filter: StatsFilter, partition?: { column: string; ids: readonly number[] }) {
  const schema = `"${ctx.em.config.get("schema")}"`;
  return remembered(JSON.stringify([schema, groupBy, filter, partition]), () => computeFigures(ctx, schema, groupBy, filter, partition));
}

async function computeFigures(
  ctx: RequestContext,
  schema: string,
  groupBy: StatsDimension[],
  filter: StatsFilter,
  partition?: { column: string; ids: readonly number[] },
) {
  const { sql, params } = figuresQuery(schema, figuresSalt(ctx), groupBy, filter, partition);
  return figuresOf(await ctx.em.execute<Record<string, unknown>[]>(sql, params), partition !== undefined);
}

/**
 * The one statement that computes figures (knex's `?` placeholders): grouped by the dimensions asked and, for a batch
 * of parents, by the parent's column, with the sums of record keys their rounding needs (see ./disclosure).
 */
export function figuresQuery(
  schema: string,
  salt: string,
  groupBy: StatsDimension[],
  filter: StatsFilter,
  partition?: { column: string; ids: readonly number[] },
): { sql: string; params: unknown[] } {
  const columns = [...new Set(groupBy)].map((d) => ({ sql: COLUMN[d], as: d as string }));
  const conditions: string[] = [];
  // The first parameter is the secret of the record keys, in the inner select.
  const params: unknown[] = [salt];
  const where = (sql: string, value: unknown) => {
    conditions.push(sql);
    params.push(value);
  };
  // Dates count whole calendar months: a window that split a month would give two answers differing by a few acts.
  if (filter.from) where(`${COLUMN.MONTH} >= ${monthOf("?::timestamptz")}`, filter.from.toISOString());
  if (filter.to) where(`${COLUMN.MONTH} <= ${monthOf("?::timestamptz - interval '1 microsecond'")}`, filter.to.toISOString());
  if (filter.kind) where("a.kind = ?", filter.kind);
  if (filter.councilId != null) where("a.council_id = ?", filter.councilId);
  if (filter.territoryId != null) where("pa.territory_id = ?", filter.territoryId);
  if (filter.channel) where("a.channel = ?", filter.channel);
  if (partition) {
    columns.unshift({ sql: partition.column, as: "parent" });
    conditions.push(`${partition.column} in (${partition.ids.map(() => "?").join(", ")})`);
    params.push(...partition.ids);
  }
  const groups = columns.map((_, i) => String(i + 1));
  // One row per group and person first: a group's cell keys sum its people's record keys (its acts' for activities).
  const sql = `select ${[...columns.map((c) => `g."${c.as}"`), "count(*) as participants", "sum(g.acts) as activities", `${keySumSql("g.k")} as people_key`, `${keySumSql("g.acts * g.k")} as acts_key`].join(", ")}
     from (
       select ${[...columns.map((c) => `${c.sql} as "${c.as}"`), "count(*) as acts", `${personKeySql("pa.id")} as k`].join(", ")}
       from (${activities(schema)}) a join ${schema}.participant pa on pa.id = a.participant_id
       ${conditions.length ? `where ${conditions.join(" and ")}` : ""}
       group by ${[...groups, "pa.id"].join(", ")}
     ) g
     ${groups.length ? `group by ${groups.join(", ")} order by ${groups.join(", ")}` : ""}`;
  return { sql, params };
}

/** The published figures of figuresQuery's rows: every count rounded (./disclosure), groups rounded to 0 left out. */
export function figuresOf(rows: Record<string, unknown>[], partitioned: boolean): (FigureRow & { parent?: number })[] {
  const figures: (FigureRow & { parent?: number })[] = [];
  for (const row of rows) {
    const participants = publishedCount(row.participants as string, row.people_key as string);
    // A group rounded to 0 is left out, as an empty one is: listing it would tell that it is small but not empty.
    if (participants === 0) continue;
    const figure: FigureRow & { parent?: number } = {
      territoryId: row.TERRITORY == null ? null : Number(row.TERRITORY),
      councilId: row.COUNCIL == null ? null : Number(row.COUNCIL),
      kind: (row.KIND as string) ?? null,
      channel: (row.CHANNEL as string) ?? null,
      month: (row.MONTH as string) ?? null,
      participants,
      // Every act has a person: never show fewer acts than people (still within the rounding's error of the truth).
      activities: Math.max(participants, publishedCount(row.activities as string, row.acts_key as string)),
      suppressed: false,
    };
    if (partitioned) figure.parent = Number(row.parent);
    figures.push(figure);
  }
  return figures;
}

export const participationStats = (ctx: RequestContext, groupBy: StatsDimension[], filter: StatsFilter) => figures(ctx, groupBy, filter);

/** Figures for many councils or territories in one statement (a council list with its figures is not N+1). */
export function figuresByParent(ctx: RequestContext, parent: "COUNCIL" | "TERRITORY", groupBy: StatsDimension[], filter: StatsFilter) {
  return ctx.loaders.keyed(`figures:${parent}:${JSON.stringify([groupBy, filter])}`, () =>
    new DataLoader<number, FigureRow[]>(async (ids) => {
      const rows = await figures(ctx, groupBy, filter, { column: COLUMN[parent], ids });
      return ids.map((id) => rows.filter((r) => r.parent === id).map(({ parent: _p, ...figure }) => figure as FigureRow & { parent?: number }));
    }, batchOptions),
  );
}
