/**
 * What the Decidim connector reads from a Decidim instance's public API (`/api`), normalised: the contract between the
 * client that speaks Decidim's GraphQL (`client.ts`) and the import that writes our tables (`import.ts`).
 *
 * One sync reads a whole snapshot (every published space and what it holds), then applies it in one transaction: a
 * record of ours whose external id is not in the snapshot was deleted, hidden (moderated) or unpublished in Decidim and
 * leaves the graph. Texts are Decidim's `pt-BR` translation (else the organisation's default locale), as plain text
 * (Decidim's HTML removed). Dates are `YYYY-MM-DD`; instants are ISO 8601 with their offset. Nothing here names a
 * person: authors are counted, and only an organisation's (a user group Decidim verified, or the official organisation) name kept.
 */

/** A Decidim participatory space's step (`ParticipatoryProcessStep`). */
export interface DecidimStepRecord {
  externalId: string;
  title: string;
  description: string;
  /** 0-based order in the process. */
  position: number;
  startDate: string | null;
  endDate: string | null;
  active: boolean;
}

/** A participatory process (`ParticipatoryProcess`) with its steps. */
export interface DecidimProcessRecord {
  externalId: string;
  slug: string;
  /** Its public page, e.g. `https://decidim.contagem.mg.gov.br/processes/<slug>`. */
  url: string;
  title: string;
  subtitle: string | null;
  description: string;
  startDate: string | null;
  endDate: string | null;
  publishedAt: string | null;
  steps: DecidimStepRecord[];
}

/** An assembly (`Assembly`): e.g. a regional council's space. */
export interface DecidimAssemblyRecord {
  externalId: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string | null;
  description: string;
  publishedAt: string | null;
}

/** Which participatory space a record sits in. */
export interface DecidimSpaceRef {
  type: "ParticipatoryProcess" | "Assembly";
  externalId: string;
}

/** Decidim's proposal states (`state`), plus `withdrawn` (0.27: a state; 0.28+: `withdrawnAt`). */
export type DecidimProposalState =
  | "not_answered"
  | "evaluating"
  | "accepted"
  | "rejected"
  | "withdrawn";

/** A proposal (`Proposal`) of a proposals component. Hidden (moderated) proposals never reach this shape. */
export interface DecidimProposalRecord {
  externalId: string;
  space: DecidimSpaceRef;
  componentExternalId: string;
  url: string;
  title: string;
  body: string;
  state: DecidimProposalState;
  /** The official answer, as plain text; null when none was published. */
  answer: string | null;
  answeredAt: string | null;
  publishedAt: string | null;
  /** Supports (`voteCount`); null when the component hides them. */
  voteCount: number | null;
  endorsementsCount: number | null;
  commentsCount: number | null;
  /** How many authors (coauthorships) it has: never who they are. */
  authorsCount: number;
  /** The authoring organisation's name where Decidim marks one (an official proposal, or a user group Decidim verified); else null. */
  organizationAuthor: string | null;
}

/** A budgeting project (`Project` of a `Budget`): an option of a works budget vote. */
export interface DecidimProjectRecord {
  externalId: string;
  space: DecidimSpaceRef;
  budgetExternalId: string;
  budgetTitle: string;
  url: string;
  title: string;
  description: string;
  /** In the budget's currency units (BRL, whole reais as Decidim stores them). */
  budgetAmount: number;
  /** Confirmed votes; null when the component hides them. */
  confirmedVotes: number | null;
  /** Whether it was selected for implementation; null when Decidim does not say. */
  selected: boolean | null;
}

/** An accountability result (`Result`): what was done, with its progress. */
export interface DecidimResultRecord {
  externalId: string;
  space: DecidimSpaceRef;
  componentExternalId: string;
  parentExternalId: string | null;
  url: string;
  title: string;
  description: string;
  startDate: string | null;
  endDate: string | null;
  /** 0 to 100; null when not stated. */
  progress: number | null;
  /** The result's status name, e.g. "Em execução"; null when none. */
  statusName: string | null;
}

/** A meeting (`Meeting`) of a meetings component, e.g. an assembly's (a regional council's) meeting. */
export interface DecidimMeetingRecord {
  externalId: string;
  space: DecidimSpaceRef;
  componentExternalId: string;
  url: string;
  title: string;
  description: string;
  /** When it starts (ISO 8601); null when Decidim's value is no instant of the years 0001-9999 (not imported then). */
  startTime: string | null;
  endTime: string | null;
  /** Where (address and location text); null when online or not stated. */
  address: string | null;
  /** Ordered agenda items' titles (and descriptions), empty when the meeting has no agenda. */
  agenda: { title: string; description: string }[];
  closed: boolean;
  closingReport: string | null;
  attendeesCount: number | null;
  contributionsCount: number | null;
  /** Organisations that attended, as Decidim's closing states them; null when not stated. */
  attendingOrganizations: string | null;
  /** Whether Decidim marks it withdrawn/cancelled. */
  withdrawn: boolean;
}

/** Everything one sync read. */
export interface DecidimSnapshot {
  /** The API's address it was read from. */
  apiUrl: string;
  /** Decidim's version as the API reports it (`decidim { version }`), null when hidden. */
  decidimVersion: string | null;
  fetchedAt: string;
  processes: DecidimProcessRecord[];
  assemblies: DecidimAssemblyRecord[];
  proposals: DecidimProposalRecord[];
  projects: DecidimProjectRecord[];
  results: DecidimResultRecord[];
  meetings: DecidimMeetingRecord[];
}
