/**
 * The stand-in's data: Decidim's records as Decidim keeps them (not as its API shows them), so the API layer
 * (`schema.ts`) applies Decidim's own visibility rules — unpublished spaces, components and proposals are not listed,
 * moderated (hidden) records are not returned, a proposal's state shows only once its answer is published.
 *
 * Ids are Decidim's integer ids (one sequence per kind, like Decidim's tables). Instants are ISO 8601 with offset,
 * dates `YYYY-MM-DD`. Texts are translations keyed by locale (`pt-BR`, `en`, …), HTML as Decidim stores rich text.
 */

/** A translated text as Decidim stores it: locale → text, plus optional machine translations. */
export type Translations = Record<string, string> & { machine_translations?: Record<string, string> };

export type SpaceKind = "ParticipatoryProcess" | "Assembly";

export interface StepRow {
  id: number;
  title: Translations;
  description: Translations;
  startDate: string | null;
  endDate: string | null;
  active: boolean;
  position: number;
}

export interface SpaceRow {
  kind: SpaceKind;
  id: number;
  slug: string;
  reference: string;
  title: Translations;
  subtitle: Translations | null;
  description: Translations;
  shortDescription: Translations | null;
  /** Processes only. */
  startDate: string | null;
  endDate: string | null;
  /** null: unpublished (Decidim does not list it). */
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Assemblies only: a private space is listed only when transparent. */
  privateSpace: boolean;
  isTransparent: boolean;
  steps: StepRow[];
}

export type ComponentManifest = "proposals" | "budgets" | "accountability" | "meetings" | "pages";

export interface ComponentRow {
  id: number;
  space: { kind: SpaceKind; id: number };
  manifest: ComponentManifest;
  name: Translations;
  weight: number;
  published: boolean;
  /** Proposals: the current step hides supports (`votes_hidden`), so `voteCount` is null. */
  votesHidden: boolean;
}

export interface UserRow {
  id: number;
  name: string;
  nickname: string;
  deleted: boolean;
}

export interface UserGroupRow {
  id: number;
  name: string;
  nickname: string;
  membersCount: number;
  /** Verified by the organisation's admins (Decidim's `verified_at` set): its `badge` is "verified-badge", else "". */
  verified: boolean;
}

/** A coauthorship: who wrote it, as Decidim's `decidim_coauthorships` (author type + id). */
export type AuthorRef =
  | { kind: "user"; userId: number }
  | { kind: "user_group"; userId: number; groupId: number }
  | { kind: "organization" }
  | { kind: "meeting"; meetingId: number };

export type ProposalInternalState = "not_answered" | "evaluating" | "accepted" | "rejected" | "withdrawn";

export interface ProposalRow {
  id: number;
  componentId: number;
  reference: string;
  title: Translations;
  body: Translations;
  address: string | null;
  /** Decidim's `state` column. */
  internalState: ProposalInternalState;
  /** When the answer/state was published (`state_published_at`); null: the API shows no state (unless withdrawn). */
  statePublishedAt: string | null;
  answer: Translations | null;
  answeredAt: string | null;
  /** null: a draft (Decidim does not list it). */
  publishedAt: string | null;
  /** Moderated (hidden by a moderator). */
  hidden: boolean;
  official: boolean;
  createdInMeeting: boolean;
  votes: number;
  endorsementsCount: number;
  commentsCount: number;
  coauthors: AuthorRef[];
  createdAt: string;
  updatedAt: string;
}

export interface BudgetRow {
  id: number;
  componentId: number;
  title: Translations;
  description: Translations;
  totalBudget: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectRow {
  id: number;
  budgetId: number;
  reference: string;
  title: Translations;
  description: Translations;
  budgetAmount: number;
  selected: boolean;
  commentsCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface StatusRow {
  id: number;
  componentId: number;
  key: string;
  name: Translations;
  description: Translations;
  progress: number | null;
}

export interface ResultRow {
  id: number;
  componentId: number;
  parentId: number | null;
  reference: string;
  title: Translations;
  description: Translations;
  startDate: string | null;
  endDate: string | null;
  progress: number | null;
  statusId: number | null;
  weight: number;
  externalId: string | null;
  commentsCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface AgendaItemRow {
  id: number;
  title: Translations;
  description: Translations;
  duration: number;
  position: number;
  children: AgendaItemRow[];
}

export interface MeetingRow {
  id: number;
  componentId: number;
  reference: string;
  title: Translations;
  description: Translations;
  startTime: string;
  endTime: string;
  typeOfMeeting: "in_person" | "online" | "hybrid";
  address: string | null;
  location: Translations | null;
  locationHints: Translations | null;
  onlineMeetingUrl: string;
  agenda: { id: number; title: Translations; visible: boolean; items: AgendaItemRow[] } | null;
  /** When closed (`closed_at`); null: open. */
  closedAt: string | null;
  closingReport: Translations | null;
  closingVisible: boolean;
  attendeesCount: number | null;
  contributionsCount: number | null;
  attendingOrganizations: string | null;
  withdrawn: boolean;
  privateMeeting: boolean;
  transparent: boolean;
  publishedAt: string | null;
  hidden: boolean;
  author: AuthorRef;
  commentsCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationRow {
  name: string;
  applicationName: string;
  decidimVersion: string;
  /** Public address of the instance, e.g. https://decidim.contagem.mg.gov.br */
  host: string;
}

/** Everything the stand-in holds. Plain data (JSON-serialisable), so a fixture can be copied and compared. */
export interface StandinData {
  organization: OrganizationRow;
  spaces: SpaceRow[];
  components: ComponentRow[];
  users: UserRow[];
  userGroups: UserGroupRow[];
  proposals: ProposalRow[];
  budgets: BudgetRow[];
  projects: ProjectRow[];
  statuses: StatusRow[];
  results: ResultRow[];
  meetings: MeetingRow[];
}

/** Record kinds the control interface can change. */
export type RecordKind = "space" | "component" | "proposal" | "budget" | "project" | "result" | "meeting";

type RowOf<K extends RecordKind> = K extends "space"
  ? SpaceRow
  : K extends "component"
    ? ComponentRow
    : K extends "proposal"
      ? ProposalRow
      : K extends "budget"
        ? BudgetRow
        : K extends "project"
          ? ProjectRow
          : K extends "result"
            ? ResultRow
            : MeetingRow;

/** Thrown by the store's control operations on an unknown record (the admin path answers 404). */
export class StandinNotFound extends Error {
  constructor(kind: string, id: number) {
    super(`no ${kind} ${id}`);
    this.name = "StandinNotFound";
  }
}

const tableOf = {
  space: "spaces",
  component: "components",
  proposal: "proposals",
  budget: "budgets",
  project: "projects",
  result: "results",
  meeting: "meetings",
} as const satisfies Record<RecordKind, keyof StandinData>;

/**
 * The mutable store behind the API, with the operations tests use to change Decidim under the connector's feet
 * (what an admin, a moderator or an author does in Decidim). Spaces are addressed by `(kind, id)` through `space`.
 */
export class DecidimStore {
  readonly data: StandinData;

  constructor(data: StandinData) {
    this.data = structuredClone(data);
  }

  private table<K extends RecordKind>(kind: K): RowOf<K>[] {
    return this.data[tableOf[kind]] as unknown as RowOf<K>[];
  }

  /** One record; throws StandinNotFound. Spaces: pass `spaceKind` when a process and an assembly share the id. */
  get<K extends RecordKind>(kind: K, id: number, spaceKind?: SpaceKind): RowOf<K> {
    const row = this.table(kind).find(
      (r) => r.id === id && (kind !== "space" || !spaceKind || (r as SpaceRow).kind === spaceKind),
    );
    if (!row) throw new StandinNotFound(kind, id);
    return row;
  }

  /** Next free id of a kind (Decidim's sequences never reuse an id). */
  nextId(kind: RecordKind | "user" | "user_group" | "status"): number {
    const rows: { id: number }[] =
      kind === "user"
        ? this.data.users
        : kind === "user_group"
          ? this.data.userGroups
          : kind === "status"
            ? this.data.statuses
            : this.table(kind);
    return rows.reduce((max, r) => Math.max(max, r.id), 0) + 1;
  }

  /** Adds a record (its id must be free) and returns it. */
  add<K extends RecordKind>(kind: K, row: RowOf<K>): RowOf<K> {
    const taken = this.table(kind).some(
      (r) => r.id === row.id && (kind !== "space" || (r as SpaceRow).kind === (row as SpaceRow).kind),
    );
    if (taken) throw new Error(`${kind} ${row.id} exists`);
    this.table(kind).push(structuredClone(row));
    return this.get(kind, row.id, kind === "space" ? (row as SpaceRow).kind : undefined);
  }

  /** Changes fields of a record (an edit in Decidim's admin or by its author). */
  update<K extends RecordKind>(kind: K, id: number, patch: Partial<RowOf<K>>, spaceKind?: SpaceKind): RowOf<K> {
    const row = this.get(kind, id, spaceKind);
    Object.assign(row, structuredClone(patch), { id: row.id });
    if ("updatedAt" in row) (row as { updatedAt: string }).updatedAt = new Date().toISOString();
    return row;
  }

  /** Removes a record for good (Decidim destroys it; e.g. an admin deletes a meeting or a project). */
  delete(kind: RecordKind, id: number, spaceKind?: SpaceKind): void {
    const rows = this.table(kind) as { id: number; kind?: SpaceKind }[];
    const at = rows.findIndex((r) => r.id === id && (kind !== "space" || !spaceKind || r.kind === spaceKind));
    if (at < 0) throw new StandinNotFound(kind, id);
    rows.splice(at, 1);
  }

  /** A moderator hides a proposal or a meeting (Decidim's moderation); `hidden: false` restores it. */
  hide(kind: "proposal" | "meeting", id: number, hidden = true): void {
    this.get(kind, id).hidden = hidden;
  }

  /** The author withdraws a proposal (state `withdrawn`) or the organiser withdraws a meeting. */
  withdraw(kind: "proposal" | "meeting", id: number): void {
    if (kind === "proposal") this.get("proposal", id).internalState = "withdrawn";
    else this.get("meeting", id).withdrawn = true;
  }

  /** Publishes or unpublishes a space (processes and assemblies) or a component. */
  publish(kind: "space" | "component", id: number, published: boolean, spaceKind?: SpaceKind): void {
    if (kind === "component") this.get("component", id).published = published;
    else this.get("space", id, spaceKind).publishedAt = published ? new Date().toISOString() : null;
  }
}
