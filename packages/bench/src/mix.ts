/**
 * Scenario 6, a realistic mix: what third parties really send, replayed in a fixed order (seeded): council pages by
 * slug with a Zipf distribution (a few councils get most of the traffic), pages 1 to 5 of a council's meetings,
 * searches for different words, figures with different groupings, and one request in ten with a token (which no
 * response cache may answer). Varied arguments are what a response cache meets in real traffic; its hit ratio is
 * read from the gateway's `Cache-Status` header.
 */

export interface MixRequest {
  kind: "council" | "meetings page" | "search" | "figures";
  body: string;
  /** Sent with the bearer token. */
  withToken: boolean;
}

const COUNCIL_PAGE = /* GraphQL */ `query CouncilPage($slug: String!) {
  council(slug: $slug) {
    name
    slug
    nextMeeting { sequenceLabel startsAt status }
    minutes(first: 3) { edges { node { label gazette { edition } } } }
    processes(first: 3) { totalCount edges { node { title } } }
  }
}`;

const MEETINGS_PAGE = /* GraphQL */ `query MeetingsPage($slug: String!, $after: String) {
  council(slug: $slug) {
    meetings(first: 10, after: $after) {
      edges { node { sequenceLabel startsAt status quorum { required present achieved } } }
      pageInfo { endCursor hasNextPage }
    }
  }
}`;

const SEARCH = /* GraphQL */ `query Search($q: String!) {
  searchMinutes(query: $q, first: 10) {
    totalCount
    edges { node { rank excerpt minutes { label year council { name } } } }
  }
}`;

const FIGURES = /* GraphQL */ `query Figures($groupBy: [StatsDimension!]!) {
  participationStats(groupBy: $groupBy) {
    territory { name }
    council { name }
    kind
    channel
    month
    participants
    activities
  }
}`;

const SEARCH_TERMS = ["praças", "saúde", "orçamento", "educação", "transporte", "moradia", "cultura", "meio ambiente", "conselho", "assistência social"];
const GROUPINGS = [[], ["TERRITORY"], ["MONTH"], ["KIND"], ["CHANNEL"], ["COUNCIL"], ["TERRITORY", "MONTH"]];

/** mulberry32: a small seeded generator, so that every run replays the same sequence. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks index i of n with probability ∝ 1 / (i + 1)^s (Zipf). */
function zipf(n: number, s: number, next: () => number): number {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
  let r = next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < n; i++) if ((r -= weights[i]) < 0) return i;
  return n - 1;
}

type Post = (body: string) => Promise<{ data?: unknown; errors?: unknown }>;

/**
 * The mix's requests, `count` of them: council pages 40 %, meetings pages 25 %, searches 20 %, figures 15 %, and 10 %
 * of all with a token. Meetings pages after the first use the real cursors of the council's list (read through `post`).
 */
export async function buildMix(post: Post, count = 4000, seed = 20261129): Promise<MixRequest[]> {
  const slugs = ((await post(JSON.stringify({ query: "{ councils(first: 100) { edges { node { slug } } } }" }))).data as {
    councils: { edges: { node: { slug: string } }[] };
  }).councils.edges.map((e) => e.node.slug);
  // The five pages of the most visited councils' meetings (the Zipf head), with their cursors.
  const pages: string[] = [];
  for (const slug of slugs.slice(0, 5)) {
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const body = JSON.stringify({ query: MEETINGS_PAGE, variables: { slug, after } });
      pages.push(body);
      const data = (await post(body)).data as { council: { meetings: { pageInfo: { endCursor: string | null; hasNextPage: boolean } } } | null };
      const info = data?.council?.meetings.pageInfo;
      if (!info?.hasNextPage || !info.endCursor) break;
      after = info.endCursor;
    }
  }
  const next = random(seed);
  const mix: MixRequest[] = [];
  for (let i = 0; i < count; i++) {
    const r = next();
    const withToken = next() < 0.1;
    if (r < 0.4) {
      mix.push({ kind: "council", withToken, body: JSON.stringify({ query: COUNCIL_PAGE, variables: { slug: slugs[zipf(slugs.length, 1, next)] } }) });
    } else if (r < 0.65) {
      mix.push({ kind: "meetings page", withToken, body: pages[zipf(pages.length, 0.5, next)] });
    } else if (r < 0.85) {
      mix.push({ kind: "search", withToken, body: JSON.stringify({ query: SEARCH, variables: { q: SEARCH_TERMS[zipf(SEARCH_TERMS.length, 1, next)] } }) });
    } else {
      mix.push({ kind: "figures", withToken, body: JSON.stringify({ query: FIGURES, variables: { groupBy: GROUPINGS[Math.floor(next() * GROUPINGS.length)] } }) });
    }
  }
  return mix;
}

/** The distinct requests of a mix (what is compared between targets before the load). */
export const distinctOf = (mix: MixRequest[]): MixRequest[] => [...new Map(mix.map((m) => [`${m.withToken}:${m.body}`, m])).values()];
