import { excerptOf, foldQuery, highlight } from "@contagem/schema";
import { quorumOf } from "@contagem/meetings";
import { FIGURES_FRESH_MS, figuresOf, figuresQuery, figuresSaltOf, StatsDimension } from "@contagem/participation";
import { createServer } from "node:http";
import { Pool } from "pg";

/**
 * The physical limit for this data: the same JSON as the graph answers for scenarios 1 to 4, computed by one
 * hand-written SQL statement per level, straight from all the schemas, in one process. The benchmark's baseline only.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

async function thirdPartyRead() {
  const councils = (await pool.query(`select id, slug, name from councils.council order by name, id limit 20`)).rows;
  const ids = councils.map((c) => c.id);
  const [next, minutes, processes] = await Promise.all([
    pool.query(
      `select distinct on (council_id) council_id, sequence_label, starts_at, status from meetings.meeting
       where council_id = any($1) and status in ('SCHEDULED', 'CONVENED') and starts_at >= now() order by council_id, starts_at, id`,
      [ids],
    ),
    pool.query(
      `select distinct on (m.council_id) m.council_id, m.number, m.year, m.gazette_edition, m.gazette_pages, v.number as version, v.sha256, v.body
       from meetings.minutes m join meetings.minutes_version v on v.minutes_id = m.id and v.number = m.current_version
       where m.council_id = any($1) and m.status = 'PUBLISHED' order by m.council_id, m.year desc, m.number desc, m.id desc`,
      [ids],
    ),
    pool.query(`select council_id, count(*)::int as n from participation.process where council_id = any($1) group by council_id`, [ids]),
  ]);
  const nextBy = new Map(next.rows.map((r) => [r.council_id, r]));
  const minutesBy = new Map(minutes.rows.map((r) => [r.council_id, r]));
  const processesBy = new Map(processes.rows.map((r) => [r.council_id, r.n]));
  return {
    councils: {
      edges: councils.map((c) => {
        const n = nextBy.get(c.id);
        const m = minutesBy.get(c.id);
        return {
          node: {
            slug: c.slug,
            name: c.name,
            nextMeeting: n ? { sequenceLabel: n.sequence_label, startsAt: iso(n.starts_at), status: n.status } : null,
            minutes: {
              edges: m
                ? [{ node: {
                    label: `Ata ${String(m.number).padStart(3, "0")}/${m.year}`,
                    gazette: m.gazette_edition == null ? null : { edition: m.gazette_edition, pages: m.gazette_pages },
                    currentVersion: { number: m.version, sha256: m.sha256, excerpt: excerptOf(m.body, 200) },
                  } }]
                : [],
            },
            processes: { totalCount: processesBy.get(c.id) ?? 0 },
          },
        };
      }),
    },
  };
}

/** Mandate roles are stored in Portuguese and published by their Popolo names (the councils subgraph's MandateRole). */
const PUBLIC_ROLE: Record<string, string> = { TITULAR: "FULL_MEMBER", SUPLENTE: "ALTERNATE" };

async function deepMeetingsPage(slug: string) {
  const council = (await pool.query(`select id, name from councils.council where slug = $1`, [slug])).rows[0];
  if (!council) return { council: null };
  const meetings = (await pool.query(
    `select id, sequence_label, starts_at, quorum_rule, seats_total, present_count from meetings.meeting
     where council_id = $1 and status = 'HELD' order by starts_at desc, id desc limit 10`,
    [council.id],
  )).rows;
  const attendance = (await pool.query(
    `select meeting_id, mandate_id, substitute_mandate_id, status from meetings.attendance where meeting_id = any($1) order by seat_id, id`,
    [meetings.map((m) => m.id)],
  )).rows;
  const mandateIds = [...new Set(attendance.flatMap((a) => [a.mandate_id, a.substitute_mandate_id].filter(Boolean)))];
  const people = (await pool.query(
    `select m.id, m.role, p.display_name from councils.mandate m join councils.public_person p on p.id = m.person_id where m.id = any($1)`,
    [mandateIds],
  )).rows;
  const mandate = new Map(people.map((p) => [p.id, p]));
  return {
    council: {
      name: council.name,
      meetings: {
        edges: meetings.map((m) => {
          const quorum = quorumOf(m.quorum_rule, m.seats_total, m.present_count);
          return {
            node: {
              sequenceLabel: m.sequence_label,
              startsAt: iso(m.starts_at),
              quorum: { required: quorum.required, present: quorum.present, achieved: quorum.achieved },
              attendance: attendance
                .filter((a) => a.meeting_id === m.id)
                .map((a) => ({
                  status: a.status,
                  mandate: { role: PUBLIC_ROLE[mandate.get(a.mandate_id)?.role], person: { displayName: mandate.get(a.mandate_id)?.display_name } },
                  substitute: a.substitute_mandate_id ? { person: { displayName: mandate.get(a.substitute_mandate_id)?.display_name } } : null,
                })),
            },
          };
        }),
      },
    },
  };
}

/** Scenario 3: the ranked full-text hits of published minutes, with their councils, and the excerpts. */
async function searchMinutes(query: string) {
  const folded = foldQuery(query);
  const hits = (await pool.query(
    `select m.id, m.year, m.number, m.current_version, c.name as council_name, ts_rank_cd(m.search_vector, q)::float8 as rank,
       count(*) over () as total
     from meetings.minutes m join councils.council c on c.id = m.council_id, websearch_to_tsquery('portuguese', $1) q
     where m.status = 'PUBLISHED' and m.search_vector @@ q order by rank desc, m.id desc limit 10`,
    [folded],
  )).rows;
  const bodies = (await pool.query(
    `select v.minutes_id, v.body from meetings.minutes_version v join unnest($1::int[], $2::int[]) as k(id, n) on v.minutes_id = k.id and v.number = k.n`,
    [hits.map((h) => h.id), hits.map((h) => h.current_version)],
  )).rows;
  const bodyOf = new Map(bodies.map((b) => [b.minutes_id, b.body as string]));
  return {
    searchMinutes: {
      totalCount: hits.length ? Number(hits[0].total) : 0,
      edges: hits.map((h) => ({
        node: {
          rank: h.rank,
          excerpt: highlight(bodyOf.get(h.id) ?? "", query),
          minutes: { label: `Ata ${String(h.number).padStart(3, "0")}/${h.year}`, year: h.year, council: { name: h.council_name } },
        },
      })),
    },
  };
}

/**
 * Scenario 4: participation figures by territory and month. The aggregate is the participation subgraph's own
 * statement and rounding (figuresQuery, figuresOf: the figures must be the same numbers), memoised for as long as the
 * subgraph memoises it (FIGURES_FRESH_MS), so that both sides pay for serving figures, not for recomputing them.
 */
let figuresMemo: { until: number; rows: Promise<Record<string, unknown>[]> } | undefined;
async function participationFigures() {
  if (!figuresMemo || figuresMemo.until <= Date.now()) {
    const { sql, params } = figuresQuery('"participation"', figuresSaltOf(process.env.PII_KEY!), [StatsDimension.TERRITORY, StatsDimension.MONTH], {});
    let n = 0;
    const rows = pool.query(sql.replace(/\?/g, () => `$${++n}`), params).then((r) => r.rows);
    figuresMemo = { until: Date.now() + FIGURES_FRESH_MS, rows };
  }
  const figures = figuresOf(await figuresMemo.rows, false);
  const ids = [...new Set(figures.map((f) => f.territoryId).filter((id) => id != null))];
  const names = new Map((await pool.query(`select id, name from councils.territory where id = any($1)`, [ids])).rows.map((t) => [t.id, t.name]));
  return {
    participationStats: figures.map((f) => ({
      territory: f.territoryId == null ? null : { name: names.get(f.territoryId) },
      month: f.month,
      participants: f.participants,
      activities: f.activities,
    })),
  };
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString() || "{}");
      const operation = /query\s+(\w+)/.exec(body.query ?? "")?.[1];
      const search = /searchMinutes\(query:\s*"([^"]*)"/.exec(body.query ?? "")?.[1];
      const data =
        operation === "ThirdPartyRead"
          ? await thirdPartyRead()
          : operation === "DeepMeetingsPage"
            ? await deepMeetingsPage(body.variables?.slug)
            : operation === "SearchMinutes" && search !== undefined
              ? await searchMinutes(search)
              : operation === "ParticipationFigures"
                ? await participationFigures()
                : null;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(data ? { data } : { errors: [{ message: "unknown operation" }] }));
    } catch (error) {
      res.statusCode = 500;
      res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1");
process.once("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
