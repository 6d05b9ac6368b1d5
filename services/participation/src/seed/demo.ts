import { Random, bulkInsert, civilYear, startOfCivilDay, startOfCivilYear } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { proposalSearchDocument } from "../proposals/proposal.entity";

export interface ParticipationDemoInput {
  participants: number;
  years: number;
  seed: number;
  /** Regions (territory ids) and their regional councils, from the councils subgraph's data. */
  regions: { territoryId: number; councilId: number }[];
  /** Held meetings, from the meetings subgraph's demo data. */
  meetings: { id: number; councilId: number; startsAt: Date }[];
}

export interface ParticipationDemoCounts {
  participants: number;
  processes: number;
  ballots: number;
  supports: number;
  contributions: number;
  interventions: number;
}

const WORKS = ["Pavimentação de via", "Reforma de praça", "Iluminação pública", "Drenagem pluvial", "Academia ao ar livre", "Reforma de quadra", "Passeio acessível", "Ponto de ônibus coberto"];
const THEMES = ["saúde", "educação", "mobilidade", "cultura", "meio ambiente", "segurança", "esporte", "assistência social"];
const DAY = 86_400_000;

/**
 * Clearly synthetic citizens ("Participante Sintético 000001", e-mails at exemplo.invalid) and their activity over
 * `years`: a yearly prioritisation vote, yearly works budgets per region with the works chosen, proposals, supports,
 * ballots, moderated comments and presence at meetings. Deterministic for a seed.
 */
export async function seedParticipationDemo(em: EntityManager, input: ParticipationDemoInput): Promise<ParticipationDemoCounts> {
  const rng = new Random(input.seed + 2);
  const now = Date.now();
  const thisYear = civilYear(new Date(now));
  const firstYear = thisYear - input.years + 1;
  const schema = `"${em.config.get("schema")}"`;
  const participantRows = Array.from({ length: input.participants }, (_, i) => {
    const n = String(i + 1).padStart(6, "0");
    const handle = rng.chance(0.3) ? `sintetico_${n}` : null;
    return {
      full_name: `Participante Sintético ${n}`,
      email: `participante${n}@exemplo.invalid`,
      birth_date: `${rng.int(1940, 2007)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`,
      territory_id: rng.pick(input.regions).territoryId,
      handle,
      profile_public: handle !== null && rng.chance(0.6),
      channel: rng.chance(0.8) ? "DIGITAL_PLATFORM" : "IN_PERSON",
      created_at: new Date(startOfCivilYear(firstYear).getTime() + rng.int(0, input.years * 360) * DAY).toISOString(),
    };
  });
  const participantIds = await bulkInsert(em, "participant", participantRows, 1000);
  const someone = () => participantIds[Math.floor(rng.next() * participantIds.length)];

  const processRows: Record<string, unknown>[] = [];
  for (let year = firstYear; year <= thisYear; year++) {
    const current = year === thisYear;
    processRows.push({ kind: "PRIORITISATION_VOTE", title: `Priorização de compromissos ${year} (sintética)`, description: "Dados sintéticos.", status: current ? "OPEN" : "CLOSED", max_choices: 3 });
    for (const region of input.regions) {
      processRows.push({ kind: "REGIONAL_WORKS_BUDGET", title: `Orçamento de obras ${year} — regional ${region.territoryId} (sintético)`, description: "Dados sintéticos.", status: current ? "OPEN" : "CLOSED", council_id: region.councilId, territory_id: region.territoryId, max_choices: 2 });
    }
    processRows.push({ kind: "PUBLIC_CONSULTATION", title: `Consulta pública sobre ${rng.pick(THEMES)} ${year} (sintética)`, description: "Dados sintéticos.", status: current ? "OPEN" : "CLOSED" });
  }
  const processIds = await bulkInsert(em, "process", processRows);
  const phaseRows = processIds.flatMap((id, i) => {
    const year = firstYear + Math.floor(i / (input.regions.length + 2));
    const start = startOfCivilDay(`${year}-03-01`).getTime();
    return [
      { process_id: id, position: 1, kind: "PROPOSALS", title: "Propostas", starts_at: new Date(start).toISOString(), ends_at: new Date(start + 60 * DAY).toISOString() },
      { process_id: id, position: 2, kind: "VOTING", title: "Votação", starts_at: new Date(start + 60 * DAY).toISOString(), ends_at: new Date(start + 300 * DAY).toISOString() },
    ];
  });
  await bulkInsert(em, "phase", phaseRows, 1000);

  const proposalRows: Record<string, unknown>[] = [];
  const optionsOf = new Map<number, number[]>();
  processIds.forEach((processId, i) => {
    const process = processRows[i];
    const count = process.kind === "PUBLIC_CONSULTATION" ? 0 : process.kind === "PRIORITISATION_VOTE" ? 5 : 6;
    for (let k = 0; k < count; k++) {
      const citizen = process.kind === "REGIONAL_WORKS_BUDGET";
      const author = citizen ? someone() : null;
      const title = citizen ? `${rng.pick(WORKS)} no bairro (proposta sintética)` : `Compromisso sintético ${k + 1}`;
      const body = "Dados sintéticos gerados por seed:demo.";
      proposalRows.push({
        process_id: processId,
        author_id: author,
        title,
        body,
        // A bulk insert skips the entity's hook: the searched text is folded here, as the entity folds it.
        search_document: proposalSearchDocument({ title, body }),
        territory_id: process.territory_id ?? null,
      });
    }
  });
  const proposalIds = await bulkInsert(em, "proposal", proposalRows, 1000);
  proposalIds.forEach((id, k) => {
    const processId = proposalRows[k].process_id as number;
    optionsOf.set(processId, [...(optionsOf.get(processId) ?? []), id]);
  });

  // Ballots: each participant takes part in about one vote in three.
  const ballotRows: Record<string, unknown>[] = [];
  const ballotChoices: number[][] = [];
  const votes = processIds.filter((id) => (optionsOf.get(id) ?? []).length > 0);
  const maxChoices = new Map(processIds.map((id, i) => [id, (processRows[i].max_choices as number) ?? 1]));
  for (const participantId of participantIds) {
    for (const processId of votes) {
      if (!rng.chance(0.15 / Math.max(1, votes.length / 10))) continue;
      const options = optionsOf.get(processId)!;
      const picks = [...new Set([rng.pick(options), rng.pick(options), rng.pick(options)])].slice(0, maxChoices.get(processId));
      ballotRows.push({ process_id: processId, participant_id: participantId, channel: "DIGITAL_PLATFORM", created_at: new Date(now - rng.int(1, input.years * 360) * DAY).toISOString() });
      ballotChoices.push(picks);
    }
  }
  const ballotIds = await bulkInsert(em, "ballot", ballotRows, 1000);
  await bulkInsert(em, "ballot_choice", ballotIds.flatMap((ballotId, k) => ballotChoices[k].map((proposalId) => ({ ballot_id: ballotId, proposal_id: proposalId }))), 2000);

  const supportRows = new Map<string, Record<string, unknown>>();
  for (let k = 0; k < Math.floor(input.participants / 2); k++) {
    const proposalId = rng.pick(proposalIds);
    const participantId = someone();
    supportRows.set(`${proposalId}:${participantId}`, { proposal_id: proposalId, participant_id: participantId, channel: "DIGITAL_PLATFORM" });
  }
  await bulkInsert(em, "support", [...supportRows.values()], 2000);
  await em.execute(`update ${schema}.proposal p set support_count = s.n from (select proposal_id, count(*) as n from ${schema}.support group by proposal_id) s where s.proposal_id = p.id`);

  const contributionRows: Record<string, unknown>[] = [];
  const presenceRows = new Map<string, Record<string, unknown>>();
  for (const meeting of input.meetings) {
    for (let k = rng.int(0, 6); k > 0; k--) {
      const participantId = someone();
      presenceRows.set(`${participantId}:${meeting.id}`, { participant_id: participantId, meeting_id: meeting.id, council_id: meeting.councilId, channel: "IN_PERSON", created_at: meeting.startsAt.toISOString() });
    }
    if (rng.chance(0.3)) {
      const status = rng.chance(0.85) ? "PUBLISHED" : rng.chance(0.5) ? "HIDDEN" : "PENDING";
      contributionRows.push({
        participant_id: someone(),
        meeting_id: meeting.id,
        council_id: meeting.councilId,
        body: `Comentário sintético sobre ${rng.pick(THEMES)} na reunião.`,
        status,
        hidden_reason: status === "HIDDEN" ? "Fora do tema (sintético)" : null,
        channel: "DIGITAL_PLATFORM",
        published_at: status === "PUBLISHED" ? new Date(meeting.startsAt.getTime() + DAY).toISOString() : null,
        created_at: meeting.startsAt.toISOString(),
      });
    }
  }
  await bulkInsert(em, "contribution", contributionRows, 1000);
  await bulkInsert(em, "meeting_presence", [...presenceRows.values()], 2000);

  const interventionRows: Record<string, unknown>[] = [];
  processIds.forEach((processId, i) => {
    const process = processRows[i];
    if (process.kind !== "REGIONAL_WORKS_BUDGET") return;
    const year = firstYear + Math.floor(i / (input.regions.length + 2));
    for (let k = rng.int(2, 5); k > 0; k--) {
      const done = year < thisYear - 1;
      interventionRows.push({
        council_id: process.council_id,
        territory_id: process.territory_id,
        process_id: processId,
        title: `${rng.pick(WORKS)} (obra sintética)`,
        estimated_cost: (rng.int(50, 400) * 1000).toFixed(2),
        year,
        status: done ? "COMPLETED" : rng.pick(["PLANNED", "IN_PROGRESS"]),
        progress: done ? 100 : rng.int(0, 90),
      });
    }
  });
  const interventionIds = await bulkInsert(em, "intervention", interventionRows, 1000);
  await bulkInsert(em, "milestone", interventionIds.flatMap((id) => [
    { intervention_id: id, position: 1, title: "Projeto executivo" },
    { intervention_id: id, position: 2, title: "Licitação" },
    { intervention_id: id, position: 3, title: "Execução" },
  ]), 2000);
  return {
    participants: participantIds.length,
    processes: processIds.length,
    ballots: ballotIds.length,
    supports: supportRows.size,
    contributions: contributionRows.length,
    interventions: interventionIds.length,
  };
}
