import { slugify } from "@contagem/schema";
import older from "./contagem.json";
import sources from "./contagem-sources.json";
import { deepInPortuguese, inPortuguese } from "./portuguese";

export { englishWordsIn, inPortuguese, PORTUGUESE_RENDERING, RULE_LABELS, ruleLabel } from "./portuguese";

/**
 * Contagem's public record, copied verbatim from the research files (`contagem-sources.json`: what public pages
 * state, every fact with its source URL, no person named; `contagem.json`: the municipality, its regions and the
 * earlier facts). The project runs on this copy alone. Null in the file means the source did not say.
 */

/** Where a fact comes from: an absolute http(s) URL, and what to know about it (weak, partial, contradictory). */
export interface Source {
  url: string;
  note?: string | null;
}

/** Kinds of act as the file writes them (Portuguese), e.g. `LEI_COMPLEMENTAR`. */
export type ActType =
  | "LEI"
  | "LEI_COMPLEMENTAR"
  | "DECRETO"
  | "PORTARIA"
  | "EDITAL"
  | "PROJETO_DE_LEI"
  | "DELIBERACAO_NORMATIVA"
  | "RESOLUCAO";

export interface ActFact {
  type: ActType;
  number: string;
  /** `YYYY-MM-DD`, or only `YYYY` / `YYYY-MM` where the source gives no more. */
  date: string;
  /** Edition of the Diário Oficial de Contagem (DOC), as text. */
  docEdition: string | null;
  pages: string | null;
  title: string | null;
  source: string;
  note?: string;
}

export interface CouncilFact {
  acronym: string | null;
  name: string;
  kind: "POLICY" | "REGIONAL" | "COMMITTEE" | "SCHOOL_COUNCIL" | "TERRITORIAL";
  policyArea: string | null;
  legalBasis: ActFact[];
  /** The body it is bound to, as the sources put it (often "not stated; …"). */
  boundTo: string | null;
  nature: string | null;
  /** Everything the sources state about its rules and practice; shapes vary per council. */
  rules: Record<string, unknown> | null;
  confirmed: boolean;
  sources: string[];
  region?: string;
}

export interface MeetingFact {
  council: string;
  type: string;
  sequence: string | null;
  startsAt: string | null;
  endsAt?: string | null;
  date: string;
  place: string | null;
  agenda: string[];
  source: string;
  note?: string;
  [docReference: string]: unknown;
}

export interface DecideItem {
  item: string;
  name?: string;
  slug?: string;
  facts?: string[];
  sources: string[];
  [detail: string]: unknown;
}

export interface Correction {
  fact: string;
  status: string;
  source: string;
}

export interface PublicRecord {
  about: string;
  confirmationsAndCorrections: Correction[];
  councils: CouncilFact[];
  meetings: MeetingFact[];
  decideContagem: DecideItem[];
  otherActs: ActFact[];
  notFound: { name: string; searched: string }[];
  leadsWithoutUrl: string[];
}

/**
 * The file's record with every text the graph shows in Portuguese (see `portuguese.ts`): act titles and notes, a
 * council's nature, binding and rules, meeting labels, places, agendas and notes, Decide Contagem names, facts and
 * results. Keys stay as the file writes them: council names and acronyms (meetings name councils by them), rules keys.
 */
function displayedInPortuguese(raw: PublicRecord): PublicRecord {
  const act = (a: ActFact): ActFact => ({ ...a, title: inPortuguese(a.title), ...(a.note ? { note: inPortuguese(a.note) } : {}) });
  return {
    ...raw,
    councils: raw.councils.map((c) => ({
      ...c,
      nature: inPortuguese(c.nature),
      boundTo: inPortuguese(c.boundTo),
      rules: deepInPortuguese(c.rules),
      legalBasis: c.legalBasis.map(act),
    })),
    otherActs: raw.otherActs.map(act),
    meetings: raw.meetings.map((m) => ({
      ...m,
      ...(m.note ? { note: inPortuguese(m.note) } : {}),
      ...(typeof m.convocation === "string" ? { convocation: inPortuguese(m.convocation) } : {}),
      type: inPortuguese(m.type),
      sequence: inPortuguese(m.sequence),
      place: inPortuguese(m.place),
      agenda: m.agenda.map(inPortuguese),
    })),
    decideContagem: raw.decideContagem.map((item) => ({
      ...item,
      ...(item.facts ? { facts: item.facts.map(inPortuguese) } : {}),
      ...(typeof item.result === "string" ? { result: inPortuguese(item.result) } : {}),
      ...(typeof item.whatWasVoted === "string" ? { whatWasVoted: inPortuguese(item.whatWasVoted) } : {}),
      name: inPortuguese(item.name),
    })),
  };
}

/** The file as it is, for checks against it. */
export const verbatimRecord = sources as unknown as PublicRecord;

export const record = displayedInPortuguese(verbatimRecord);

/** The municipality, its 8 administrative regions, the 2023 law, the OGP facts: what the record does not replace. */
export const earlierFacts = older;

/** An act's year: the first four digits of its date. */
export const actYear = (act: Pick<ActFact, "date">): number => Number(act.date.slice(0, 4));

/** Natural key of an act: type, number and year (the file repeats an act under every council it concerns). */
export const actKey = (act: Pick<ActFact, "type" | "number" | "date">): string => `${act.type} ${act.number}/${actYear(act)}`;

/** A council's key in the record: its acronym, or its name when it has none (meetings name councils this way). */
export const councilKey = (council: Pick<CouncilFact, "acronym" | "name">): string => council.acronym ?? council.name;

/**
 * Slugs are public keys (`@key slug`): a council keeps the slug it was first published under. The earlier seed
 * published these two before the record gave the racial-equality council its acronym and renamed the youth council.
 */
const PUBLISHED_SLUGS: Record<string, string> = {
  COMPIR: "conselho-municipal-de-promocao-da-igualdade-racial",
  "Conselho Municipal das Juventudes (until 2025: Conselho Municipal de Juventude de Contagem)": "conselho-municipal-da-juventude",
};

/** The slug a council of the record is published under: how the other subgraphs name it to the councils subgraph. */
export const councilSlug = (council: Pick<CouncilFact, "acronym" | "name">): string =>
  PUBLISHED_SLUGS[councilKey(council)] ?? slugify(council.acronym ?? council.name);

/** The slug of the council a meeting (or another fact) names by its key (acronym, or name when it has none). */
export function councilSlugOf(key: string): string {
  const council = record.councils.find((c) => councilKey(c) === key);
  if (!council) throw new Error(`The record names a council it does not list: ${JSON.stringify(key)}`);
  return councilSlug(council);
}
