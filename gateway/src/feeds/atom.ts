import { ConfigError, EdgeRejection, ErrorCode, refusedUnlessRead, sendDocument, sendRejection } from "@contagem/common";
import { Feed } from "feed";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AskGraph } from "./ask-graph";
import { entryOf, FEED_KINDS, FIELDS, type Entry, type FeedKind, type RecordNode } from "./atom-entries";

/** Where the gateway serves its Atom feeds: `/feeds/<all|council-slug>.atom` and `/feeds/<all|council-slug>/<kind>.atom`. */
export const FEEDS_PATH = "/feeds";
/** Entries per feed: the newest by `updated`. */
export const FEED_ENTRIES = 50;
/** A record changed within this many days is in its feed even when newer records would push it out (an amendment). */
export const FEED_CHANGED_DAYS = 30;
const FRESH_SECONDS = 300;
const TAG = "tag:contagem-participation-graph,2026:";
const KIND_TITLE: Record<FeedKind, string> = { minutes: "Atas publicadas", resolutions: "Resoluções", deliberations: "Deliberações" };

interface Stamp { id: string; updatedAt: string }
interface Edges<T> { edges: { node: T }[] }
interface CouncilStamps {
  acronym: string | null; name: string;
  minutes?: Edges<Stamp>; minutesChanged?: Edges<Stamp>;
  resolutions?: Edges<Stamp>; resolutionsChanged?: Edges<Stamp>;
  meetings?: Edges<{ deliberations: Stamp[] }>;
}

/**
 * A council's candidate records for a feed, by id and time only: the newest FEED_ENTRIES of each kind by number, and
 * those changed lately (an amended old resolution, a corrected old minutes text) so an update reaches subscribers.
 */
function stampsSelection(kinds: FeedKind[]): string {
  const n = FEED_ENTRIES;
  const parts = ["acronym name"];
  if (kinds.includes("minutes")) {
    parts.push(`minutes(first: ${n}, filter: { status: PUBLISHED }) { edges { node { id updatedAt } } }`);
    parts.push(`minutesChanged: minutes(first: ${n}, filter: { status: PUBLISHED, updatedSince: $since }) { edges { node { id updatedAt } } }`);
  }
  if (kinds.includes("resolutions")) {
    parts.push(`resolutions(first: ${n}) { edges { node { id updatedAt } } }`);
    parts.push(`resolutionsChanged: resolutions(first: ${n}, filter: { updatedSince: $since }) { edges { node { id updatedAt } } }`);
  }
  if (kinds.includes("deliberations")) {
    parts.push(`meetings(first: ${n}, filter: { status: HELD }) { edges { node { deliberations { id updatedAt } } } }`);
  }
  return parts.join("\n");
}

/** `$since` is declared only where a selection uses it (an unused variable fails validation). */
const sinceVariable = (kinds: FeedKind[]) => (kinds.some((kind) => kind !== "deliberations") ? ", $since: DateTime!" : "");

function stampsOf(council: CouncilStamps): Stamp[] {
  const nodes = (...lists: (Edges<Stamp> | undefined)[]) => lists.flatMap((list) => list?.edges.map((edge) => edge.node) ?? []);
  return [
    ...nodes(council.minutes, council.minutesChanged, council.resolutions, council.resolutionsChanged),
    ...(council.meetings?.edges.flatMap((edge) => edge.node.deliberations) ?? []),
  ];
}

/** The ids of the newest records, each once (a record can be both among the newest and among the changed). */
function newest(stamps: Stamp[]): string[] {
  const byId = new Map(stamps.map((stamp) => [stamp.id, Date.parse(stamp.updatedAt)]));
  return [...byId].sort(([a, at], [b, bt]) => bt - at || (a < b ? -1 : 1)).slice(0, FEED_ENTRIES).map(([id]) => id);
}

/** The records themselves, in one `nodes(ids:)` read (at most FEED_ENTRIES ids). */
async function recordsOf(ask: AskGraph, ids: string[], kinds: FeedKind[], requestId: string): Promise<RecordNode[]> {
  if (!ids.length) return [];
  const query = `query AtomFeedRecords($ids: [ID!]!) { nodes(ids: $ids) { __typename ${kinds.map((kind) => FIELDS[kind]).join(" ")} } }`;
  const { nodes } = await ask<{ nodes: (RecordNode | null)[] }>(query, { ids }, requestId);
  return nodes.filter((node): node is RecordNode => node !== null);
}

/** What an entry's link asks: the record by its global id (a GET the gateway and CDNs cache). */
const RECORD_QUERY = "query Record($id: ID!) { node(id: $id) { __typename id } }";

/** An Atom 1.0 document (RFC 4287) of these entries; each links to its record as a GraphQL GET of `node(id:)`. */
export function atomFeed(entries: Entry[], options: { id: string; title: string; selfUrl: string; baseUrl: string; subtitle: string }): string {
  const feed = new Feed({
    id: options.id,
    title: options.title,
    description: options.subtitle,
    link: `${options.baseUrl}/graphql`,
    feedLinks: { atom: options.selfUrl },
    updated: entries[0]?.updated ?? new Date(0),
    author: { name: "Sistema Municipal de Participação de Contagem (Lei 5.443/2023)" },
    copyright: "Registros públicos dos conselhos de Contagem; dados abertos sob CC BY 4.0.",
    generator: "Contagem Participation Graph",
  });
  for (const entry of entries) {
    feed.addItem({
      id: `${TAG}${entry.id}`,
      title: entry.title,
      link: `${options.baseUrl}/graphql?query=${encodeURIComponent(RECORD_QUERY)}&variables=${encodeURIComponent(JSON.stringify({ id: entry.id }))}`,
      date: entry.updated,
      published: entry.published,
      description: entry.summary,
      content: entry.content,
      author: [{ name: entry.council.name }],
      category: [{ term: entry.kind, name: KIND_TITLE[entry.kind] }, { term: entry.council.slug, name: entry.council.acronym ?? entry.council.name }],
    });
  }
  // The library writes no xml:lang (RFC 4287 §2): the language goes on the root element, which it writes as below.
  return feed.atom1().replace('<feed xmlns="http://www.w3.org/2005/Atom">', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="pt-BR">');
}

const PATH = /^([a-z0-9][a-z0-9-]{0,79})(?:\/([a-z]+))?\.atom$/;

export interface AtomOptions {
  timeZone: string;
  /** The gateway's public origin (PUBLIC_URL), for the feeds' absolute links; unset, the request's Host over http. */
  publicUrl?: string;
  now?: () => Date;
}

/** An http(s) origin without path, query or credentials: the feeds' links are built on it. */
export function readPublicUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL; got ${JSON.stringify(value)}.`);
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash || url.pathname !== "/") {
    throw new ConfigError(`PUBLIC_URL must be an origin such as https://participacao.example.gov.br (no path, query or credentials); got ${JSON.stringify(value)}.`);
  }
  return url.origin;
}


const HOST = /^[a-z0-9.-]{1,253}(:\d{1,5})?$|^\[[0-9a-f:.]{2,45}\](:\d{1,5})?$/i;

/** `/feeds/all.atom`, `/feeds/<slug>.atom` and their `/<kind>.atom`, built from the public graph (ETag, 5 minutes). */
export function createAtomRoutes(ask: AskGraph, options: AtomOptions) {
  const now = options.now ?? (() => new Date());
  return async (req: IncomingMessage, res: ServerResponse, path: string, requestId: string): Promise<boolean> => {
    if (!path.startsWith(`${FEEDS_PATH}/`)) return false;
    if (refusedUnlessRead(req, res, requestId)) return true;
    let rest: string;
    try {
      rest = decodeURIComponent(path.slice(FEEDS_PATH.length + 1)).toLowerCase();
    } catch {
      rest = "";
    }
    const [, scope, kind] = PATH.exec(rest) ?? [];
    if (!scope || (kind !== undefined && !(FEED_KINDS as string[]).includes(kind))) {
      const kinds = FEED_KINDS.join("|");
      sendRejection(req, res, new EdgeRejection(404, ErrorCode.BAD_REQUEST, `Not found: feeds are ${FEEDS_PATH}/<all|council-slug>.atom and ${FEEDS_PATH}/<all|council-slug>/<${kinds}>.atom.`), requestId);
      return true;
    }
    const kinds = kind ? [kind as FeedKind] : FEED_KINDS;
    // Only a well-formed Host names the feed's own address; anything else falls back to localhost.
    const host = HOST.test(req.headers.host ?? "") ? req.headers.host : "localhost";
    const baseUrl = options.publicUrl ?? `http://${host}`;
    const since = new Date(now().getTime() - FEED_CHANGED_DAYS * 86_400_000).toISOString();
    try {
      let stamps: Stamp[];
      let title = kind ? KIND_TITLE[kind as FeedKind] : "Atas, resoluções e deliberações";
      if (scope === "all") {
        stamps = await everyCouncil(ask, kinds, since, requestId);
        title = `${title} ${kind ? "—" : "dos"} conselhos de Contagem`;
      } else {
        const query = `query AtomFeedOfCouncil($slug: String!${sinceVariable(kinds)}) { council(slug: $slug) { ${stampsSelection(kinds)} } }`;
        const { council } = await ask<{ council: CouncilStamps | null }>(query, { slug: scope, since }, requestId);
        if (!council) throw new EdgeRejection(404, ErrorCode.NOT_FOUND, `No council with the slug "${scope}".`);
        stamps = stampsOf(council);
        title = `${title} — ${council.acronym ?? council.name}`;
      }
      const ids = newest(stamps);
      const order = new Map(ids.map((id, at) => [id, at]));
      const entries = (await recordsOf(ask, ids, kinds, requestId))
        .map((node) => entryOf(node, options.timeZone))
        .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      const body = atomFeed(entries, {
        id: `${TAG}feeds/${scope}${kind ? `/${kind}` : ""}`,
        title,
        subtitle: `As ${FEED_ENTRIES} entradas mais recentes (atualizadas por último primeiro), do grafo público de participação de Contagem.`,
        selfUrl: `${baseUrl}${FEEDS_PATH}/${rest}`,
        baseUrl,
      });
      sendDocument(req, res, { body, contentType: "application/atom+xml; charset=utf-8", maxAgeSeconds: FRESH_SECONDS }, requestId);
    } catch (error) {
      if (!(error instanceof EdgeRejection)) throw error;
      sendRejection(req, res, error, requestId);
    }
    return true;
  };
}

/**
 * Every council's candidate records: those of the most recently held meetings across the councils (a meeting's minutes
 * once published, its deliberations and the resolutions adopted at it), and any council's published minutes changed
 * lately (a corrected old text, a late publication of an old meeting's minutes). The meetings' records are asked
 * through the root list of meetings: through every council's lists they would nest deeper than the query cost limit
 * admits. An old
 * resolution amended or revoked lately shows here through the new resolution that amends or revokes it (adopted at a
 * recent meeting); its own changed entry is in its council's feed.
 */
async function everyCouncil(ask: AskGraph, kinds: FeedKind[], since: string, requestId: string): Promise<Stamp[]> {
  const fields = [
    kinds.includes("minutes") ? "minutes { id updatedAt status }" : "",
    kinds.includes("deliberations") ? "deliberations { id updatedAt }" : "",
    kinds.includes("resolutions") ? "resolutions { id updatedAt }" : "",
  ].join(" ");
  const query = `query AtomFeedOfAll { meetings(first: 100, filter: { status: HELD }) { edges { node { ${fields} } } } }`;
  type Held = { minutes?: (Stamp & { status: string }) | null; deliberations?: Stamp[]; resolutions?: Stamp[] };
  const answer = await ask<{ meetings: Edges<Held> }>(query, {}, requestId);
  // Each council's latest 5 minutes changed lately (a council corrects one at a time), in a second read: with the
  // first, or with more per council, it would cost more than the query cost limit admits (graphql-armor multiplies
  // by page sizes: 100 × 5 is about 28,000 of the 50,000 points).
  const changed = kinds.includes("minutes")
    ? await ask<{ councils: Edges<{ minutes: Edges<Stamp> | null }> }>(
        `query AtomFeedOfAllChanged($since: DateTime!) { councils(first: 100) { edges { node {
           minutes(first: 5, filter: { status: PUBLISHED, updatedSince: $since }) { edges { node { id updatedAt } } } } } } }`,
        { since },
        requestId,
      )
    : undefined;
  return [
    ...answer.meetings.edges.flatMap(({ node }) => [
      ...(node.minutes?.status === "PUBLISHED" ? [node.minutes] : []),
      ...(node.deliberations ?? []),
      ...(node.resolutions ?? []),
    ]),
    ...(changed?.councils.edges.flatMap((council) => council.node.minutes?.edges.map((edge) => edge.node) ?? []) ?? []),
  ];
}
