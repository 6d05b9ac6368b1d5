import { Random, bulkInsert, civilToday, foldForSearch, slugify } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { CouncilEntity } from "../councils/council.entity";
import { TerritoryEntity } from "../territories/territory.entity";
import { TerritoryScheme } from "../territories/territory.enums";

/** What the meetings demo needs to know of the councils' structure (handed over in-process, not read from tables). */
export interface DemoCouncil {
  id: number;
  slug: string;
  name: string;
  quorumRule: string | null;
  noticeDays: number | null;
  ordinaryMeetingsPerYear: number;
  terms: { id: number; startsOn: string; endsOn: string; seats: { id: number; titular: number; suplente: number }[] }[];
}

export interface DemoOptions {
  /** How many synthetic councils to add (the demo's history goes to them alone, never to the public record's). */
  councils: number;
  years: number;
  seed: number;
}

export const DEMO_MARKER = "Dados sintéticos gerados por `npm run seed:demo`.";

const AREAS = ["EDUCATION", "CULTURE", "SPORTS", "ELDERLY", "TRANSPORT", "SANITATION", "TOURISM", "ECONOMY", "HUMAN_RIGHTS", "CIVIL_DEFENSE", "DRUG_POLICY", "SCHOOL_MEALS"];
const THEMES = ["Educação", "Cultura", "Esporte", "Pessoa Idosa", "Trânsito e Mobilidade", "Saneamento", "Turismo", "Desenvolvimento Econômico", "Direitos Humanos", "Defesa Civil", "Políticas sobre Drogas", "Alimentação Escolar"];
const QUORUM = ["ABSOLUTE_MAJORITY", "SIMPLE_MAJORITY_OF_MEMBERS", "ONE_THIRD"];
const FIRST = ["Ana", "Bruno", "Carla", "Daniel", "Eduarda", "Fábio", "Gabriela", "Hugo", "Isabela", "João", "Karina", "Lucas", "Marina", "Nelson", "Olívia", "Paulo", "Quésia", "Rafael", "Sabrina", "Tiago"];
const LAST = ["Silva", "Souza", "Oliveira", "Santos", "Pereira", "Costa", "Rodrigues", "Almeida", "Nascimento", "Lima", "Araújo", "Fernandes", "Carvalho", "Gomes", "Martins"];

/**
 * Clearly synthetic volume for development and benchmarks: councils named "… (sintético)", terms every two years
 * over `years`, seats with a titular and a suplente each, people named "… — pessoa sintética". Deterministic for a
 * seed. Refuses to run twice on the same database.
 */
export async function seedCouncilsDemo(em: EntityManager, options: DemoOptions): Promise<DemoCouncil[]> {
  const rng = new Random(options.seed);
  if (await em.count(CouncilEntity, { notes: DEMO_MARKER })) {
    throw new Error("Demo data is already in this database: seed:demo runs once per database (use a fresh DATA_DIR).");
  }
  const synthetic = options.councils;
  const newCouncils = Array.from({ length: synthetic }, (_, i) => {
    const theme = THEMES[i % THEMES.length];
    const name = `Conselho Municipal de ${theme} ${Math.floor(i / THEMES.length) + 1} (sintético)`;
    return {
      slug: slugify(`sintetico ${theme} ${i + 1}`),
      name,
      kind: "POLICY",
      policy_area: AREAS[i % AREAS.length],
      nature: "{CONSULTATIVE,DELIBERATIVE}",
      status: "ACTIVE",
      notes: DEMO_MARKER,
      search_text: foldForSearch(name),
      rule_ordinary_meetings_per_year: rng.pick([6, 10, 12]),
      rule_ordinary_notice_days: rng.int(3, 10),
      rule_extraordinary_notice_hours: rng.pick([24, 48, 72]),
      rule_quorum_rule: rng.pick(QUORUM),
      rule_term_length_years: 2,
      rule_max_reappointments: 1,
      rule_parity: rng.chance(0.7),
      territory_id: null as number | null,
    };
  });
  // One synthetic regional council per region: the demo's works budgets and works go to them, never to the record's
  // regional councils.
  const regions = await em.find(TerritoryEntity, { scheme: TerritoryScheme.REGIONAL_ADMIN }, { orderBy: { code: "asc" } });
  for (const region of regions) {
    const name = `Conselho Regional ${region.name} (sintético)`;
    newCouncils.push({
      slug: slugify(`sintetico regional ${region.code}`),
      name,
      kind: "REGIONAL",
      policy_area: "TERRITORIAL",
      nature: "{CONSULTATIVE,DELIBERATIVE}",
      status: "ACTIVE",
      notes: DEMO_MARKER,
      search_text: foldForSearch(name),
      rule_ordinary_meetings_per_year: 6,
      rule_ordinary_notice_days: rng.int(3, 10),
      rule_extraordinary_notice_hours: rng.pick([24, 48, 72]),
      rule_quorum_rule: rng.pick(QUORUM),
      rule_term_length_years: 2,
      rule_max_reappointments: 1,
      rule_parity: false,
      territory_id: region.id,
    });
  }
  const newIds = await bulkInsert(em, "council", newCouncils);
  const councils = [
    ...newCouncils.map((c, i) => ({
      id: newIds[i],
      slug: c.slug,
      name: c.name,
      quorumRule: c.rule_quorum_rule,
      noticeDays: c.rule_ordinary_notice_days,
      perYear: c.rule_ordinary_meetings_per_year,
    })),
  ];

  const today = civilToday();
  const thisYear = Number(today.slice(0, 4));
  const firstYear = thisYear - options.years + 1;
  const termRows: Record<string, unknown>[] = [];
  const termOwner: number[] = [];
  for (const council of councils) {
    for (let year = firstYear - (firstYear % 2 === 0 ? 0 : 1); year <= thisYear + 1; year += 2) {
      termRows.push({ council_id: council.id, label: `Gestão ${year}-${year + 1} (sintética)`, starts_on: `${year}-01-01`, ends_on: `${year + 1}-12-31` });
      termOwner.push(council.id);
    }
  }
  const termIds = await bulkInsert(em, "term", termRows);

  const seatRows: Record<string, unknown>[] = [];
  const seatTerm: number[] = [];
  const seatsPerCouncil = new Map(councils.map((c) => [c.id, rng.int(8, 20)]));
  termIds.forEach((termId, t) => {
    const count = seatsPerCouncil.get(termOwner[t])!;
    for (let p = 1; p <= count; p++) {
      seatRows.push({ term_id: termId, position: p, sector: p <= count / 2 ? "GOVERNMENT" : "CIVIL_SOCIETY", segment: p <= count / 2 ? "poder público" : "sociedade civil" });
      seatTerm.push(t);
    }
  });
  const seatIds = await bulkInsert(em, "seat", seatRows);

  const people = seatIds.flatMap((_, i) => [0, 1].map((k) => ({
    display_name: `${rng.pick(FIRST)} ${rng.pick(LAST)} ${rng.pick(LAST)} — pessoa sintética ${i * 2 + k + 1}`,
  })));
  const personIds = await bulkInsert(em, "public_person", people);
  const mandateRows = seatIds.flatMap((seatId, i) => {
    const term = termRows[seatTerm[i]] as { starts_on: string; ends_on: string };
    const position = seatRows[i].position as number;
    return [
      { seat_id: seatId, person_id: personIds[i * 2], role: "TITULAR", board_role: position === 1 ? "PRESIDENT" : position === 2 ? "VICE_PRESIDENT" : null, starts_on: term.starts_on, ends_on: term.ends_on < today ? term.ends_on : null, end_reason: term.ends_on < today ? "TERM_ENDED" : null },
      { seat_id: seatId, person_id: personIds[i * 2 + 1], role: "SUPLENTE", board_role: null, starts_on: term.starts_on, ends_on: term.ends_on < today ? term.ends_on : null, end_reason: term.ends_on < today ? "TERM_ENDED" : null },
    ];
  });
  const mandateIds = await bulkInsert(em, "mandate", mandateRows);

  const byCouncil = new Map<number, DemoCouncil>(
    councils.map((c) => [
      c.id,
      { ...c, ordinaryMeetingsPerYear: c.perYear, terms: [] },
    ]),
  );
  const termsById = new Map<number, DemoCouncil["terms"][number]>();
  termIds.forEach((id, t) => {
    const row = termRows[t] as { starts_on: string; ends_on: string };
    const term = { id, startsOn: row.starts_on, endsOn: row.ends_on, seats: [] };
    termsById.set(id, term);
    byCouncil.get(termOwner[t])!.terms.push(term);
  });
  seatIds.forEach((seatId, i) => {
    termsById.get(termIds[seatTerm[i]])!.seats.push({ id: seatId, titular: mandateIds[i * 2], suplente: mandateIds[i * 2 + 1] });
  });
  return [...byCouncil.values()];
}

/** The demo's own regional councils and their regions, for other subgraphs' demo data (never the record's councils). */
export async function demoRegions(em: EntityManager): Promise<{ territoryId: number; councilId: number }[]> {
  const regional = await em.find(
    CouncilEntity,
    { kind: "REGIONAL" as never, territory: { $ne: null }, notes: DEMO_MARKER },
    { orderBy: { id: "asc" } },
  );
  return regional.map((c) => ({ councilId: c.id, territoryId: c.territory!.id }));
}
