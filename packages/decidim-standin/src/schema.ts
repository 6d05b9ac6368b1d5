/**
 * The stand-in's GraphQL schema: Decidim 0.28.4's API subset (the SDL file next to package.json) with resolvers over
 * the store that apply Decidim's visibility rules and graphql-ruby's connection semantics.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildSchema,
  GraphQLError,
  GraphQLInterfaceType,
  GraphQLObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from "graphql";
import type {
  AgendaItemRow,
  AuthorRef,
  ComponentRow,
  DecidimStore,
  MeetingRow,
  ProposalRow,
  ResultRow,
  SpaceRow,
  Translations,
  UserGroupRow,
  UserRow,
} from "./store";

/** The pinned Decidim release the SDL transcribes. */
export const DECIDIM_RELEASE = "0.28.4";
/** Absolute path of the transcribed SDL (`decidim-0.28.4.graphql`), from src/ or dist/ alike. */
export const DECIDIM_SDL_PATH = join(__dirname, "..", `decidim-${DECIDIM_RELEASE}.graphql`);
/** Decidim's `schema_max_per_page` (decidim-api/lib/decidim/api.rb): the most items a connection page holds. */
export const DECIDIM_MAX_PER_PAGE = 50;

/** The transcribed SDL's text. */
export function decidimSdl(): string {
  return readFileSync(DECIDIM_SDL_PATH, "utf8");
}

/** The transcribed schema without resolvers (to validate documents against). */
export function decidimSchema(): GraphQLSchema {
  return buildSchema(decidimSdl());
}

export interface StandinContext {
  store: DecidimStore;
}

type Resolver = GraphQLFieldResolver<any, StandinContext, any>;
type AuthorObject = { __typename: "User"; row: UserRow } | { __typename: "UserGroup"; row: UserGroupRow };

const SPACE_CLASS = { ParticipatoryProcess: "Decidim::ParticipatoryProcess", Assembly: "Decidim::Assembly" } as const;
const COMPONENT_TYPE: Record<ComponentRow["manifest"], string> = {
  proposals: "Proposals",
  budgets: "Budgets",
  accountability: "Accountability",
  meetings: "Meetings",
  pages: "Component",
};

/** graphql-ruby's Base64Encoder: urlsafe Base64 without padding. */
export function encodeCursor(offset: number): string {
  return Buffer.from(String(offset)).toString("base64url");
}
function decodeCursor(cursor: string): number {
  // Base64Bp.urlsafe_decode64 raises on characters outside the alphabet → graphql-ruby's "Invalid input".
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(cursor)) throw new GraphQLError(`Invalid input: ${JSON.stringify(cursor)}`);
  // Ruby's String#to_i: leading digits, else 0.
  const n = parseInt(Buffer.from(cursor, "base64url").toString("utf8"), 10);
  return Number.isFinite(n) ? n : 0;
}

interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * A graphql-ruby 2.0.21 RelationConnection over an ordered list (lib/graphql/pagination/relation_connection.rb):
 * cursor = 1-based offset; `first`/`last` clamped to 0..50; neither given → 50.
 */
export function connection<T>(items: T[], args: ConnectionArgs) {
  const afterOffset = args.after ? decodeCursor(args.after) : 0;
  const beforeOffset = args.before ? decodeCursor(args.before) : null;
  const clamp = (v: number | null | undefined) => (v == null ? null : Math.min(Math.max(v, 0), DECIDIM_MAX_PER_PAGE));
  let first = clamp(args.first);
  const last = clamp(args.last);
  if (first == null && last == null) first = DECIDIM_MAX_PER_PAGE;

  const start = Math.max(0, afterOffset);
  const end = beforeOffset == null ? items.length : Math.max(start, beforeOffset - 1);
  let offset = start;
  let slice = items.slice(start, end);
  let hasNextPage = beforeOffset != null && beforeOffset > 0;
  let hasPreviousPage = afterOffset > 0;
  if (first != null) {
    hasNextPage ||= slice.length > first;
    slice = slice.slice(0, first);
  }
  if (last != null && slice.length > last) {
    offset += slice.length - last;
    slice = slice.slice(slice.length - last);
    hasPreviousPage = true;
  }
  const edges = slice.map((node, i) => ({ cursor: encodeCursor(offset + i + 1), node }));
  return {
    edges,
    nodes: slice,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

const byId = <T extends { id: number }>(a: T, b: T) => a.id - b.id;

// Decidim's visibility rules (see the SDL header for the source of each).
/** `public_spaces`: published and not private (HasPrivateUsers); an assembly also when private but transparent. */
function listedSpace(s: SpaceRow): boolean {
  if (s.publishedAt == null) return false;
  return !s.privateSpace || (s.kind === "Assembly" && s.isTransparent);
}
function spaceOf(store: DecidimStore, c: ComponentRow): SpaceRow | undefined {
  return store.data.spaces.find((s) => s.kind === c.space.kind && s.id === c.space.id);
}
function listedProposal(p: ProposalRow): boolean {
  return p.publishedAt != null && !p.hidden;
}
function listedMeeting(m: MeetingRow): boolean {
  return m.publishedAt != null && !m.hidden && (!m.privateMeeting || m.transparent);
}

function authorObject(store: DecidimStore, ref: AuthorRef | undefined): AuthorObject | null {
  if (!ref) return null;
  if (ref.kind === "user") {
    const row = store.data.users.find((u) => u.id === ref.userId);
    return row ? { __typename: "User", row } : null;
  }
  if (ref.kind === "user_group") {
    const row = store.data.userGroups.find((g) => g.id === ref.groupId);
    return row ? { __typename: "UserGroup", row } : null;
  }
  return null; // the organisation or a meeting: Decidim answers null
}

function agendaItems(items: AgendaItemRow[]): AgendaItemRow[] {
  return [...items].sort((a, b) => a.position - b.position);
}

/** The schema with resolvers over a store (the store comes in the context, so tests may swap it). */
export function standinSchema(): GraphQLSchema {
  const schema = decidimSchema();
  const resolvers: Record<string, Record<string, Resolver>> = {
    Query: {
      decidim: (_s, _a, { store }) => store.data.organization,
      organization: (_s, _a, { store }) => store.data.organization,
      participatoryProcesses: (_s, _a, { store }) =>
        store.data.spaces.filter((s) => s.kind === "ParticipatoryProcess" && listedSpace(s)).sort(byId),
      participatoryProcess: (_s, { id, slug }, { store }) =>
        store.data.spaces.find(
          (s) =>
            s.kind === "ParticipatoryProcess" &&
            listedSpace(s) &&
            (id == null || String(s.id) === String(id)) &&
            (slug == null || s.slug === slug),
        ) ?? null,
      assemblies: (_s, _a, { store }) => store.data.spaces.filter((s) => s.kind === "Assembly" && listedSpace(s)).sort(byId),
      assembly: (_s, { id }, { store }) =>
        store.data.spaces.find((s) => s.kind === "Assembly" && listedSpace(s) && String(s.id) === String(id)) ?? null,
      // Decidim 0.28.4 (query_extensions.rb): any published component of the organisation; the space is not checked.
      component: (_s, { id }, { store }) =>
        store.data.components.find((c) => String(c.id) === String(id) && c.published) ?? null,
    },
    Decidim: {
      version: (o) => o.decidimVersion,
      applicationName: (o) => o.applicationName,
    },
    TranslatedField: {
      locales: (t: Translations) => translationLocales(t),
      translation: (t: Translations, { locale }) => displayTranslations(t)[locale] ?? null,
      translations: (t: Translations, { locales }) => {
        const shown = displayTranslations(t);
        return Object.entries(shown)
          .filter(([locale]) => !locales?.length || locales.includes(locale))
          .map(([locale, text]) => ({ locale, text, machineTranslated: !(t[locale] as string | undefined) }));
      },
    },
    ParticipatoryProcessStep: {
      participatoryProcess: (step, _a, { store }) =>
        store.data.spaces.find((s) => s.kind === "ParticipatoryProcess" && s.steps.includes(step)),
    },
    ComponentInterface: {},
    Proposals: {
      proposals: (c: ComponentRow, args, { store }) =>
        connection(store.data.proposals.filter((p) => p.componentId === c.id && listedProposal(p)).sort(byId), args),
      proposal: (c: ComponentRow, { id }, { store }) =>
        store.data.proposals.find((p) => p.componentId === c.id && listedProposal(p) && String(p.id) === String(id)) ?? null,
    },
    Proposal: {
      state: (p: ProposalRow) => (p.statePublishedAt != null || p.internalState === "withdrawn" ? p.internalState : null),
      voteCount: (p: ProposalRow, _a, { store }) =>
        store.data.components.find((c) => c.id === p.componentId)?.votesHidden ? null : p.votes,
      totalCommentsCount: (p: ProposalRow) => p.commentsCount,
      authorsCount: (p: ProposalRow) => p.coauthors.length,
      author: (p: ProposalRow, _a, { store }) => authorObject(store, p.coauthors[0]),
      authors: (p: ProposalRow, _a, { store }) =>
        p.coauthors.map((ref) => authorObject(store, ref)).filter((a): a is AuthorObject => a !== null),
      official: (p: ProposalRow) => p.coauthors.some((a) => a.kind === "organization"),
      createdInMeeting: (p: ProposalRow) => p.coauthors.some((a) => a.kind === "meeting"),
      coordinates: () => null,
    },
    Budgets: {
      budgets: (c: ComponentRow, args, { store }) =>
        connection(store.data.budgets.filter((b) => b.componentId === c.id).sort(byId), args),
      budget: (c: ComponentRow, { id }, { store }) =>
        store.data.budgets.find((b) => b.componentId === c.id && String(b.id) === String(id)) ?? null,
    },
    Budget: {
      total_budget: (b) => b.totalBudget,
      projects: (b, _a, { store }) => store.data.projects.filter((p) => p.budgetId === b.id).sort(byId),
    },
    Project: {
      budget_amount: (p) => p.budgetAmount,
      totalCommentsCount: (p) => p.commentsCount,
    },
    Accountability: {
      results: (c: ComponentRow, args, { store }) =>
        connection(store.data.results.filter((r) => r.componentId === c.id).sort(byId), args),
      result: (c: ComponentRow, { id }, { store }) =>
        store.data.results.find((r) => r.componentId === c.id && String(r.id) === String(id)) ?? null,
    },
    Result: {
      parent: (r: ResultRow, _a, { store }) => store.data.results.find((x) => x.id === r.parentId) ?? null,
      children: (r: ResultRow, _a, { store }) => store.data.results.filter((x) => x.parentId === r.id).sort(byId),
      childrenCount: (r: ResultRow, _a, { store }) => store.data.results.filter((x) => x.parentId === r.id).length,
      status: (r: ResultRow, _a, { store }) => store.data.statuses.find((s) => s.id === r.statusId) ?? null,
      totalCommentsCount: (r: ResultRow) => r.commentsCount,
    },
    Meetings: {
      meetings: (c: ComponentRow, args, { store }) =>
        connection(store.data.meetings.filter((m) => m.componentId === c.id && listedMeeting(m)).sort(byId), args),
      meeting: (c: ComponentRow, { id }, { store }) =>
        store.data.meetings.find((m) => m.componentId === c.id && listedMeeting(m) && String(m.id) === String(id)) ?? null,
    },
    Meeting: {
      agenda: (m: MeetingRow) => (m.agenda?.visible ? m.agenda : null),
      closed: (m: MeetingRow) => m.closedAt != null,
      isWithdrawn: (m: MeetingRow) => m.withdrawn,
      closingReport: (m: MeetingRow) => (m.closingVisible ? m.closingReport : null),
      attendeeCount: (m: MeetingRow) => m.attendeesCount,
      contributionCount: (m: MeetingRow) => m.contributionsCount,
      author: (m: MeetingRow, _a, { store }) => authorObject(store, m.author),
      totalCommentsCount: (m: MeetingRow) => m.commentsCount,
      coordinates: () => null,
    },
    MeetingAgenda: { items: (a) => agendaItems(a.items) },
    MeetingAgendaItem: { items: (i: AgendaItemRow) => agendaItems(i.children) },
  };

  const spaceFields: Record<string, Resolver> = {
    type: (s: SpaceRow) => SPACE_CLASS[s.kind],
    components: (s: SpaceRow, _a, { store }) =>
      store.data.components
        .filter((c) => c.published && c.space.kind === s.kind && c.space.id === s.id)
        .sort((a, b) => a.weight - b.weight || a.id - b.id),
    steps: (s: SpaceRow) => [...s.steps].sort((a, b) => a.position - b.position),
    parent: () => null,
    children: () => [],
  };
  for (const t of ["ParticipatoryProcess", "Assembly", "ParticipatorySpace"]) resolvers[t] = { ...spaceFields, ...resolvers[t] };
  const componentFields: Record<string, Resolver> = {
    participatorySpace: (c: ComponentRow, _a, { store }) => spaceOf(store, c),
  };
  for (const t of Object.values(COMPONENT_TYPE)) resolvers[t] = { ...componentFields, ...resolvers[t] };
  const authorFields: Record<string, Resolver> = {
    id: (a: AuthorObject) => a.row.id,
    name: (a: AuthorObject) => a.row.name,
    nickname: (a: AuthorObject) => a.row.nickname,
    avatarUrl: () => "/decidim/default-avatar.svg",
    profilePath: (a: AuthorObject) => `/profiles/${a.row.nickname}`,
    // decidim-core: UserPresenter#badge ("verified-badge" when officialized; none here), UserGroupPresenter#badge
    // ("verified-badge" once verified, else "").
    badge: (a: AuthorObject) => (a.__typename === "UserGroup" && a.row.verified ? "verified-badge" : ""),
    organizationName: (_a, _b, { store }) => store.data.organization.name,
    deleted: (a: AuthorObject) => (a.__typename === "User" ? a.row.deleted : false),
    membersCount: (a: AuthorObject) => (a.__typename === "UserGroup" ? a.row.membersCount : 0),
  };
  resolvers.User = authorFields;
  resolvers.UserGroup = authorFields;

  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) continue;
    const defined = type.getFields();
    for (const [fieldName, resolve] of Object.entries(fields)) {
      if (defined[fieldName]) defined[fieldName].resolve = resolve;
    }
  }
  const setResolveType = (name: string, resolveType: (value: any) => string) => {
    const type = schema.getType(name);
    if (type instanceof GraphQLInterfaceType) type.resolveType = resolveType;
  };
  setResolveType("ComponentInterface", (c: ComponentRow) => COMPONENT_TYPE[c.manifest]);
  setResolveType("ParticipatorySpaceInterface", (s: SpaceRow) => s.kind);
  setResolveType("Author", (a: AuthorObject) => a.__typename);
  return schema;
}

function translationLocales(t: Translations): string[] {
  const defined = Object.keys(t).filter((k) => k !== "machine_translations");
  return [...new Set([...defined, ...Object.keys(t.machine_translations ?? {})])];
}

/** Decidim's TranslatedFieldType#display_translations: the defined text if present, else the machine translation. */
function displayTranslations(t: Translations): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const locale of translationLocales(t)) {
    const defined = t[locale] as string | undefined;
    out[locale] = defined?.trim() ? defined : t.machine_translations?.[locale] || null;
  }
  return out;
}
