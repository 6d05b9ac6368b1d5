import { foldText, Random, bulkInsert, civilDate, civilInstant, civilYear, sha256 } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { requiredForQuorum } from "@contagem/rules";
import { minutesBody, topic } from "./demo-text";
import { resolutionSearchDocument } from "../resolutions/resolution.entity";

/** The councils' structure, as the councils demo seed produced it (handed over in-process). */
export interface CouncilStructure {
  id: number;
  name: string;
  quorumRule: string | null;
  noticeDays: number | null;
  ordinaryMeetingsPerYear: number;
  terms: { id: number; startsOn: string; endsOn: string; seats: { id: number; titular: number; suplente: number }[] }[];
}

export interface MeetingsDemoOptions {
  years: number;
  seed: number;
}

export interface MeetingsDemoCounts {
  /** Held meetings, for other subgraphs' demo data (citizens' presence and comments). */
  heldMeetings: { id: number; councilId: number; startsAt: Date }[];
  meetings: number;
  attendance: number;
  deliberations: number;
  minutes: number;
  resolutions: number;
}

const DAY = 86_400_000;
const ORDINAL = (n: number) => `${n}ª`;
const pad = (n: number) => String(n).padStart(2, "0");

interface PlannedMeeting {
  council: CouncilStructure;
  term: CouncilStructure["terms"][number];
  startsAt: Date;
  number: number;
  held: boolean;
  cancelled: boolean;
  topics: string[];
}

/**
 * Several years of meetings for every council: convened with notice (a few without enough), attendance with
 * substitutions, deliberations with vote counts, minutes approved at the next meeting and published (some amended),
 * resolutions (some amended or revoked). Deterministic for a seed; clearly marked synthetic.
 */
export async function seedMeetingsDemo(em: EntityManager, councils: CouncilStructure[], options: MeetingsDemoOptions): Promise<MeetingsDemoCounts> {
  const rng = new Random(options.seed + 1);
  const now = Date.now();
  const thisYear = civilYear(new Date(now));
  const firstYear = thisYear - options.years + 1;
  const planned: PlannedMeeting[] = [];
  for (const council of councils) {
    const perYear = Math.max(1, council.ordinaryMeetingsPerYear);
    for (let year = firstYear; year <= thisYear + 1; year++) {
      for (let k = 0; k < perYear; k++) {
        const month = Math.floor((k * 12) / perYear) + (perYear < 12 ? 1 : 0);
        const [dayOfMonth, hour] = [rng.int(3, 26), rng.pick([9, 14, 18])];
        // Meetings at 9:00, 14:00 or 18:00 in Contagem.
        const day = `${year}-${pad(Math.min(month, 11) + 1)}-${pad(dayOfMonth)}`;
        const startsAt = civilInstant(`${day}T${pad(hour)}:00`);
        if (startsAt.getTime() > now + 60 * DAY) continue;
        const term = council.terms.find((t) => t.startsOn <= day && day <= t.endsOn);
        if (!term) continue;
        const past = startsAt.getTime() < now;
        const cancelled = past && rng.chance(0.04);
        const topics = [...new Set([topic(rng), topic(rng), topic(rng)])].slice(0, rng.int(1, 3));
        planned.push({ council, term, startsAt, number: k + 1, held: past && !cancelled, cancelled, topics });
      }
    }
  }

  const meetingRows = planned.map((m) => {
    const noticeDays = m.council.noticeDays;
    const convenedAt = new Date(m.startsAt.getTime() - ((noticeDays ?? 7) + (rng.chance(0.05) ? -3 : rng.int(0, 5))) * DAY);
    const convened = m.held || m.cancelled || m.startsAt.getTime() - now < 15 * DAY;
    return {
      council_id: m.council.id,
      term_id: m.term.id,
      type: "ORDINARY",
      sequence_label: `${ORDINAL(m.number)} Reunião Ordinária de ${civilYear(m.startsAt)}`,
      status: m.held ? "HELD" : m.cancelled ? "CANCELLED" : convened ? "CONVENED" : "SCHEDULED",
      status_reason: m.cancelled ? "Cancelada por falta de quórum previsto (dados sintéticos)." : null,
      modality: rng.pick(["IN_PERSON", "IN_PERSON", "HYBRID", "ONLINE"]),
      starts_at: m.startsAt.toISOString(),
      ends_at: new Date(m.startsAt.getTime() + 2 * 3_600_000).toISOString(),
      place: "Centro Administrativo de Contagem (sintético)",
      online_url: "https://reunioes.example.invalid/sintetico",
      convened_at: convened ? convenedAt.toISOString() : null,
      notice_required_hours: convened && noticeDays != null ? noticeDays * 24 : null,
    };
  });
  const meetingIds = await bulkInsert(em, "meeting", meetingRows);

  const agendaRows: Record<string, unknown>[] = [];
  const agendaOwner: number[] = [];
  planned.forEach((m, i) => {
    const items = [{ kind: "APPROVAL_OF_MINUTES", title: "Aprovação da ata da reunião anterior" }, { kind: "INFORMATIVE", title: "Informes da presidência" }, ...m.topics.map((t) => ({ kind: "DELIBERATION", title: `Deliberação sobre ${t}` }))];
    items.forEach((item, p) => {
      agendaRows.push({ meeting_id: meetingIds[i], position: p + 1, ...item });
      agendaOwner.push(i);
    });
  });
  const agendaIds = await bulkInsert(em, "agenda_item", agendaRows);
  // Each meeting's first item approves the previous minutes: it names them once they exist (below).
  const approvalItem = new Map<number, number>();
  agendaRows.forEach((item, a) => item.position === 1 && approvalItem.set(agendaOwner[a], agendaIds[a]));

  const attendanceRows: Record<string, unknown>[] = [];
  const quorum = new Map<number, { seats: number; present: number; required: number | null }>();
  planned.forEach((m, i) => {
    if (!m.held) return;
    let present = 0;
    for (const seat of m.term.seats) {
      const roll = rng.next();
      const status = roll < 0.75 ? "PRESENT" : roll < 0.85 ? "SUBSTITUTED" : roll < 0.95 ? "JUSTIFIED" : "ABSENT";
      if (status === "PRESENT" || status === "SUBSTITUTED") present++;
      attendanceRows.push({ meeting_id: meetingIds[i], mandate_id: seat.titular, seat_id: seat.id, status, substitute_mandate_id: status === "SUBSTITUTED" ? seat.suplente : null });
    }
    quorum.set(i, { seats: m.term.seats.length, present, required: requiredForQuorum(m.council.quorumRule, m.term.seats.length) });
  });
  await bulkInsert(em, "attendance", attendanceRows, 1000);
  const schema = em.config.get("schema");
  const quorumValues = [...quorum.entries()];
  for (let i = 0; i < quorumValues.length; i += 1000) {
    const slice = quorumValues.slice(i, i + 1000);
    await em.execute(
      `update "${schema}".meeting m set quorum_rule = v.rule, seats_total = v.seats, quorum_required = v.required, present_count = v.present
       from (values ${slice.map(() => "(?::int, ?::text, ?::int, ?::int, ?::int)").join(", ")}) as v(id, rule, seats, required, present) where m.id = v.id`,
      slice.flatMap(([index, q]) => [meetingIds[index], planned[index].council.quorumRule, q.seats, q.required, q.present]),
    );
  }

  const deliberationRows: Record<string, unknown>[] = [];
  agendaRows.forEach((item, a) => {
    const m = planned[agendaOwner[a]];
    if (!m.held || item.kind !== "DELIBERATION") return;
    // Those who sat vote: never more votes than seats occupied.
    const seats = quorum.get(agendaOwner[a])!.present;
    const votesFor = rng.int(Math.ceil(seats / 2), seats);
    const votesAgainst = rng.int(0, seats - votesFor);
    deliberationRows.push({
      meeting_id: item.meeting_id,
      agenda_item_id: agendaIds[a],
      text: `${item.title}: ${votesFor > votesAgainst ? "aprovada" : "rejeitada"} (dados sintéticos).`,
      votes_for: votesFor,
      votes_against: votesAgainst,
      abstentions: seats - votesFor - votesAgainst,
      outcome: votesFor > votesAgainst ? "APPROVED" : "REJECTED",
    });
  });
  const deliberationIds = await bulkInsert(em, "deliberation", deliberationRows, 1000);

  // Minutes of every held meeting, numbered per council and year; approved at the council's next held meeting.
  const numbering = new Map<string, number>();
  const nextHeld = new Map<number, number>();
  const byCouncil = new Map<number, number[]>();
  planned.forEach((m, i) => m.held && byCouncil.set(m.council.id, [...(byCouncil.get(m.council.id) ?? []), i]));
  for (const indexes of byCouncil.values()) {
    indexes.sort((a, b) => planned[a].startsAt.getTime() - planned[b].startsAt.getTime());
    indexes.forEach((index, k) => k + 1 < indexes.length && nextHeld.set(index, indexes[k + 1]));
  }
  const minutesRows: Record<string, unknown>[] = [];
  const minutesOwner: number[] = [];
  const bodies: string[] = [];
  planned.forEach((m, i) => {
    if (!m.held) return;
    const year = civilYear(m.startsAt);
    const key = `${m.council.id}:${year}`;
    const number = (numbering.get(key) ?? 0) + 1;
    numbering.set(key, number);
    const approver = nextHeld.get(i);
    const body = minutesBody(rng, m.council.name, meetingRows[i].sequence_label, m.startsAt, m.topics, quorum.get(i)!.present);
    const published = approver !== undefined && rng.chance(0.92);
    const publishedAt = approver !== undefined ? new Date(planned[approver].startsAt.getTime() + rng.int(3, 20) * DAY) : null;
    bodies.push(body);
    minutesOwner.push(i);
    minutesRows.push({
      council_id: m.council.id,
      meeting_id: meetingIds[i],
      year,
      number,
      status: published ? "PUBLISHED" : approver !== undefined ? "APPROVED" : "DRAFT",
      current_version: 1,
      approved_at_meeting_id: approver !== undefined ? meetingIds[approver] : null,
      approved_at: approver !== undefined ? planned[approver].startsAt.toISOString() : null,
      gazette_edition: published ? 5000 + Math.floor((publishedAt!.getTime() - Date.UTC(2020, 0, 1)) / (3 * DAY)) : null,
      gazette_pages: published ? `${rng.int(1, 40)}-${rng.int(41, 60)}` : null,
      gazette_date: published ? civilDate(publishedAt!) : null,
      published_at: published ? publishedAt!.toISOString() : null,
      search_document: published ? foldText(body) : null,
    });
  });
  const minutesIds = await bulkInsert(em, "minutes", minutesRows, 500);
  await bulkInsert(
    em,
    "minutes_version",
    minutesIds.map((id, k) => ({
      minutes_id: id,
      number: 1,
      body: bodies[k],
      sha256: sha256(bodies[k]),
      author_sub: "seed-demo",
      author_role: "SECRETARY",
      published: minutesRows[k].status === "PUBLISHED",
    })),
    500,
  );
  await em.execute(`update "${schema}".minutes set search_vector = to_tsvector('portuguese', search_document) where search_document is not null and search_vector is null`);
  const named = minutesIds.flatMap((id, k) => {
    const approver = nextHeld.get(minutesOwner[k]);
    return approver === undefined ? [] : [[approvalItem.get(approver)!, id]];
  });
  for (let i = 0; i < named.length; i += 1000) {
    const slice = named.slice(i, i + 1000);
    await em.execute(
      `update "${schema}".agenda_item a set minutes_id = v.minutes from (values ${slice.map(() => "(?::int, ?::int)").join(", ")}) as v(id, minutes) where a.id = v.id`,
      slice.flat(),
    );
  }

  // Resolutions from a third of the approved deliberations; some later amended or revoked.
  const resolutionRows: Record<string, unknown>[] = [];
  const indexOfMeeting = new Map(meetingIds.map((id, index) => [id, index]));
  deliberationRows.forEach((d, k) => {
    if (d.outcome !== "APPROVED" || !rng.chance(0.33)) return;
    const meetingIndex = indexOfMeeting.get(d.meeting_id as number)!;
    const m = planned[meetingIndex];
    const year = civilYear(m.startsAt);
    const key = `r:${m.council.id}:${year}`;
    const number = (numbering.get(key) ?? 0) + 1;
    numbering.set(key, number);
    const summary = `Dispõe sobre ${String(d.text).replace(/^Deliberação sobre /, "").replace(/: .*$/, "")} (sintética).`;
    const body = `Art. 1º Fica aprovada a deliberação do conselho.\nArt. 2º Esta resolução entra em vigor na data de sua publicação.\n\n> DADOS SINTÉTICOS.`;
    resolutionRows.push({
      council_id: m.council.id,
      year,
      number,
      date: civilDate(m.startsAt),
      summary,
      body,
      // A bulk insert skips the entity's hook: the searched text is folded here, as the entity folds it.
      search_document: resolutionSearchDocument({ number, year, summary, body }),
      meeting_id: d.meeting_id,
      deliberation_id: deliberationIds[k],
      status: rng.chance(0.1) ? "AMENDED" : rng.chance(0.05) ? "REVOKED" : "IN_FORCE",
    });
  });
  await bulkInsert(em, "resolution", resolutionRows, 500);

  const counters = [...numbering.entries()].map(([key, last]) => {
    const parts = key.split(":");
    const series = parts[0] === "r" ? "RESOLUTION" : "MINUTES";
    const [council, year] = parts[0] === "r" ? parts.slice(1) : parts;
    return { council_id: Number(council), year: Number(year), series, last_number: last };
  });
  for (let i = 0; i < counters.length; i += 500) {
    const slice = counters.slice(i, i + 500);
    await em.execute(
      `insert into "${schema}".numbering (council_id, year, series, last_number) values ${slice.map(() => "(?, ?, ?, ?)").join(", ")}
       on conflict (council_id, year, series) do update set last_number = greatest("${schema}".numbering.last_number, excluded.last_number)`,
      slice.flatMap((c) => [c.council_id, c.year, c.series, c.last_number]),
    );
  }
  return {
    heldMeetings: planned.flatMap((m, i) => (m.held ? [{ id: meetingIds[i], councilId: m.council.id, startsAt: m.startsAt }] : [])),
    meetings: meetingIds.length,
    attendance: attendanceRows.length,
    deliberations: deliberationIds.length,
    minutes: minutesIds.length,
    resolutions: resolutionRows.length,
  };
}
