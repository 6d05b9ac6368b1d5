import type { CouncilFact } from "@contagem/record";
import type { CouncilRulesEmbeddable } from "../councils/council.entity";

/**
 * The secretariats the record states a council is bound to, where its `boundTo` opens with the body's name (acronyms
 * as the record writes them: SEDECON in CONTURC's entry). A statement that only says who convened, hosted, presided
 * or "advises" (COMPUR, CMPC, CMSB…) or a body of another year stays text (`boundToStatement`), with no organization.
 */
export const BINDINGS = [
  { name: "Secretaria Municipal de Educação", acronym: "SEDUC" },
  { name: "Secretaria Municipal de Desenvolvimento Econômico", acronym: "SEDECON" },
  { name: "Secretaria Municipal de Direitos Humanos e Cidadania", acronym: "SMDHC" },
  { name: "Secretaria Municipal da Mulher e da Juventude", acronym: null },
  { name: "Secretaria Municipal de Governo", acronym: null },
] as const;

export type Binding = (typeof BINDINGS)[number];

export function bindingOf(fact: CouncilFact): Binding | null {
  const statement = fact.boundTo ?? "";
  return BINDINGS.find((body) => statement === body.name || statement.startsWith(`${body.name} (`)) ?? null;
}

/**
 * The rules a source states in a field `CouncilRules` has; all else stays in the notes. Read cautiously: the youth
 * council's 2-year term is of 2018, before PL 19/2025 reformed it, so it is not today's rule.
 */
export function rulesOf(fact: CouncilFact): Required<CouncilRulesEmbeddable> {
  const rules = (fact.rules ?? {}) as Record<string, unknown>;
  const seats = rules.seats as { executive?: number; civilSociety?: number } | undefined;
  const natureSaysParity = /paritári/.test((fact.nature ?? "").replace(/\([^)]*\)/g, " "));
  const equalSeats = typeof seats?.executive === "number" && seats.executive === seats.civilSociety && !("legislative" in seats);
  return {
    ordinaryMeetingsPerYear: /a cada dois meses/.test(String(rules.meetings ?? "")) ? 6 : null,
    ordinaryNoticeDays: null,
    extraordinaryNoticeHours: null,
    quorumRule: null,
    termLengthYears: typeof rules.termYears === "number" ? rules.termYears : null,
    maxReappointments: null,
    parity: natureSaysParity || equalSeats ? true : null,
  };
}
