import { civilToday, foldForSearch, startOfCivilDay } from "@contagem/schema";
import { PhaseKind, ProcessKind, ProcessStatus } from "../processes/process.enums";
import { ProposalStatus } from "../proposals/proposal.enums";
import type { DecidimProcessRecord, DecidimProjectRecord, DecidimProposalState, DecidimStepRecord } from "./records";

/**
 * How Decidim's records read in this graph's terms: pure functions, so each choice is tested on its own.
 * Bump MAPPING_VERSION when a mapping changes: every row's content hash changes with it, and the next sync rewrites
 * the rows under the new mapping.
 */
export const MAPPING_VERSION = 2;

/**
 * A Decidim process with a budgets component is a vote on projects (citizens pick options: PRIORITIZATION_VOTE, as the
 * OGP 2022 commitments on Decide Contagem); any other one (proposals, debates, surveys) is a public consultation.
 * REGIONAL_WORKS_BUDGET stays the regional councils' own decision, made in their meetings, not on Decidim.
 */
export const processKindOf = (hasProjects: boolean): ProcessKind =>
  hasProjects ? ProcessKind.PRIORITISATION_VOTE : ProcessKind.PUBLIC_CONSULTATION;

/**
 * Decidim's process has dates, and steps of which one is active: before its start it is PLANNED, after its end CLOSED,
 * between them OPEN (today in Contagem's civil time). With no dates, an active step says OPEN; nothing says NOT_STATED.
 */
export function processStatusOf(p: Pick<DecidimProcessRecord, "startDate" | "endDate" | "steps">, today = civilToday()): ProcessStatus {
  if (p.endDate && p.endDate < today) return ProcessStatus.CLOSED;
  if (p.startDate && p.startDate > today) return ProcessStatus.PLANNED;
  if (p.startDate || p.endDate || p.steps.some((s) => s.active)) return ProcessStatus.OPEN;
  return ProcessStatus.NOT_STATED;
}

/** Decidim's steps are free text: what citizens do in one is read from its title's words (Portuguese), else INFORMATION. */
const STEP_WORDS: [RegExp, PhaseKind][] = [
  [/\b(resultado|devolutiva|prestacao de contas|monitoramento)/, PhaseKind.RESULTS],
  [/\b(vota|votacao|eleicao|escolha|prioriza)/, PhaseKind.VOTING],
  [/\b(apoio|apoiar)/, PhaseKind.SUPPORTS],
  [/\b(proposta|propor|sugest|contribui)/, PhaseKind.PROPOSALS],
  [/\b(analise|avaliacao|delibera|sistematiza|conferencia|plenaria|audiencia)/, PhaseKind.DELIBERATION],
];

export function phaseKindOf(step: Pick<DecidimStepRecord, "title">): PhaseKind {
  const folded = foldForSearch(step.title);
  return STEP_WORDS.find(([words]) => words.test(folded))?.[1] ?? PhaseKind.INFORMATION;
}

/** The calendar day after a YYYY-MM-DD date (plain calendar arithmetic: no time zone involved; years 0001-9999). */
const nextDate = (date: string): string => {
  const [y, m, d] = date.split("-").map(Number);
  const day = new Date(0);
  day.setUTCFullYear(y, m - 1, d + 1); // not Date.UTC, which reads a year below 100 as 19xx
  return day.toISOString().slice(0, 10);
};

/** The graph's last day (its DateTime holds years 0001-9999): a step ending then has no end it can state. */
const LAST_DATE = "9999-12-31";

export interface PhaseValues {
  position: number;
  kind: PhaseKind;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
}

/**
 * Steps become phases, in Decidim's order: a step's start is its own date, else the process's; its end is the end of its
 * end date (the next civil day's start). A step with no start at all is left out (a phase has a start).
 */
export function phasesOf(p: DecidimProcessRecord): PhaseValues[] {
  return [...p.steps]
    .sort((a, b) => a.position - b.position)
    .filter((step) => step.startDate ?? p.startDate)
    .map((step, i) => ({
      position: i + 1,
      kind: phaseKindOf(step),
      title: step.title,
      startsAt: startOfCivilDay((step.startDate ?? p.startDate)!),
      endsAt: step.endDate && step.endDate < LAST_DATE ? startOfCivilDay(nextDate(step.endDate)) : null,
    }));
}

/**
 * Decidim's proposal states: not answered and under evaluation are still open (PUBLISHED; an evaluation's answer shows in
 * `officialAnswer`), accepted is SELECTED, rejected NOT_SELECTED. A withdrawn one is not imported (its author took it
 * back: it leaves the graph, as what Decidim's moderators hide does).
 */
export function proposalStatusOf(state: Exclude<DecidimProposalState, "withdrawn">): ProposalStatus {
  switch (state) {
    case "accepted":
      return ProposalStatus.SELECTED;
    case "rejected":
      return ProposalStatus.NOT_SELECTED;
    default:
      return ProposalStatus.PUBLISHED;
  }
}

/** A project is SELECTED when Decidim says so; once its vote is CLOSED, one Decidim says is not selected is NOT_SELECTED. */
export function projectStatusOf(project: Pick<DecidimProjectRecord, "selected">, process: ProcessStatus): ProposalStatus {
  if (project.selected === true) return ProposalStatus.SELECTED;
  if (project.selected === false && process === ProcessStatus.CLOSED) return ProposalStatus.NOT_SELECTED;
  return ProposalStatus.PUBLISHED;
}

/** Decidim's texts may be empty where ours are required: a title stands in for a missing description. */
export const orTitle = (text: string, title: string): string => (text.trim() ? text : title);
