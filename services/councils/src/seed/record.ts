import { actKey, actYear, record, ruleLabel, type ActFact, type CouncilFact, type Source } from "@contagem/record";
import { sourcesOf } from "@contagem/schema";
import { CouncilKind, CouncilNature } from "../councils/council.enums";
import { LegalActKind } from "../legal-acts/legal-act.enums";

/** How the record's councils and acts read in this subgraph's terms: pure functions over `@contagem/record`. */

export const ACT_KINDS: Record<ActFact["type"], LegalActKind> = {
  LEI: LegalActKind.LAW,
  LEI_COMPLEMENTAR: LegalActKind.COMPLEMENTARY_LAW,
  DECRETO: LegalActKind.DECREE,
  PORTARIA: LegalActKind.ORDINANCE,
  EDITAL: LegalActKind.NOTICE,
  PROJETO_DE_LEI: LegalActKind.BILL,
  DELIBERACAO_NORMATIVA: LegalActKind.NORMATIVE_DELIBERATION,
  RESOLUCAO: LegalActKind.RESOLUTION,
};

export const COUNCIL_KINDS: Record<CouncilFact["kind"], CouncilKind> = {
  POLICY: CouncilKind.POLICY,
  REGIONAL: CouncilKind.REGIONAL,
  COMMITTEE: CouncilKind.COMMITTEE,
  SCHOOL_COUNCIL: CouncilKind.SCHOOL_COUNCIL,
  TERRITORIAL: CouncilKind.TERRITORIAL,
};

/** "X (until 2025: Y)" names X; the former name goes to the notes. */
export function councilName(fact: CouncilFact): { name: string; formerName: string | null } {
  const match = /^(.*) \(until (\d{4}): (.*)\)$/.exec(fact.name);
  return match ? { name: match[1], formerName: `Nome até ${match[2]}: ${match[3]}` } : { name: fact.name, formerName: null };
}

/**
 * The powers the stated nature names, read cautiously: a parenthesis is a caveat ("one notice also says consultivo",
 * "no longer 'controlador'"), not a power, so only the words outside it count.
 */
export function natureOf(statement: string | null): CouncilNature[] {
  const text = (statement ?? "").replace(/\([^)]*\)/g, " ").toLowerCase();
  const found: CouncilNature[] = [];
  if (/consultiv/.test(text)) found.push(CouncilNature.CONSULTATIVE);
  if (/deliberativ/.test(text)) found.push(CouncilNature.DELIBERATIVE);
  if (/normativ/.test(text)) found.push(CouncilNature.NORMATIVE);
  if (/fiscaliza|controlador|controle social/.test(text)) found.push(CouncilNature.SUPERVISORY);
  return found;
}

/** A rules value as a reader sees it: lists joined, nested facts under their labels, yes/no in Portuguese. */
function renderRule(value: unknown): string {
  if (Array.isArray(value)) return value.map(renderRule).join("; ");
  if (value !== null && typeof value === "object") {
    return Object.entries(value).map(([key, inner]) => `${ruleLabel(key)}: ${renderRule(inner)}`).join(", ");
  }
  return typeof value === "boolean" ? (value ? "sim" : "não") : String(value);
}

/** The rules and practice the sources state, one fact a line under its Portuguese label (shapes vary per council). */
export function notesOf(fact: CouncilFact, formerName: string | null): string | null {
  const lines = Object.entries(fact.rules ?? {}).map(([key, value]) => `${ruleLabel(key)}: ${renderRule(value)}`);
  if (formerName) lines.unshift(formerName);
  return lines.length ? lines.join("\n") : null;
}

/** Every source of a council: its own list, then any source its rules name for one fact (e.g. an election's). */
export function councilSources(fact: CouncilFact): Source[] {
  const nested: Source[] = [];
  const walk = (value: unknown, path: string[]): void => {
    if (value === null || typeof value !== "object") return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "source" && typeof inner === "string") nested.push({ url: inner, note: `fonte de: ${path.map(ruleLabel).join(", ")}` });
      else walk(inner, [...path, key]);
    }
  };
  walk(fact.rules, []);
  return sourcesOf([...fact.sources.map((url) => ({ url })), ...nested]);
}

/** One act as the record states it across every council that cites it (the file repeats an act per council). */
export interface MergedAct {
  key: string;
  kind: LegalActKind;
  number: string;
  year: number;
  date: string | null;
  title: string | null;
  gazetteEdition: number | null;
  gazettePages: string | null;
  sources: Source[];
}

export function mergedActs(): Map<string, MergedAct> {
  const acts = new Map<string, MergedAct>();
  const entries = [...record.councils.flatMap((c) => c.legalBasis), ...record.otherActs];
  for (const entry of entries) {
    const key = actKey(entry);
    const act = acts.get(key) ?? {
      key,
      kind: ACT_KINDS[entry.type],
      number: entry.number,
      year: actYear(entry),
      date: null,
      title: null,
      gazetteEdition: null,
      gazettePages: null,
      sources: [],
    };
    act.date ??= /^\d{4}-\d{2}-\d{2}$/.test(entry.date) ? entry.date : null;
    act.title ??= entry.title;
    act.gazetteEdition ??= entry.docEdition != null ? Number(entry.docEdition) : null;
    act.gazettePages ??= entry.pages;
    act.sources = sourcesOf([...act.sources, { url: entry.source, note: entry.note ?? null }]);
    acts.set(key, act);
  }
  return acts;
}
