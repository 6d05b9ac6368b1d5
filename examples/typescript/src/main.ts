import { graphql } from "./gql";
import { ApiFailure, request, type ClientOptions } from "./client";
import type { CouncilsPageQuery, MeetingsChangedSinceQuery } from "./gql/graphql";

/**
 * A third-party client of the Contagem Participation Graph: reads every council page by page, follows the meetings'
 * changes with `updatedSince` (the API's change feed: poll with the newest `updatedAt` you have), and shows how an
 * error is handled. Usage: node dist/main.js [--url http://localhost:4000/graphql] [--token JWT]
 */
const CouncilsPage = graphql(`
  query CouncilsPage($first: Int!, $after: String) {
    councils(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { slug name kind territory { name } } }
    }
  }
`);

const MeetingsChangedSince = graphql(`
  query MeetingsChangedSince($since: DateTime!, $after: String) {
    meetings(first: 100, after: $after, filter: { updatedSince: $since }) {
      pageInfo { hasNextPage endCursor }
      edges { node { id sequenceLabel updatedAt council { acronym } } }
    }
  }
`);

const ScheduleMeeting = graphql(`
  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) { meeting { id sequenceLabel } }
  }
`);

const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};

/** Every council, following `pageInfo.endCursor` until `hasNextPage` is false. */
async function allCouncils(client: ClientOptions) {
  const councils = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const { councils: page }: CouncilsPageQuery = await request(client, CouncilsPage, { first: 10, after });
    pages++;
    if (!page) throw new Error("the councils subgraph is unavailable");
    councils.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return { councils, pages, totalCount: page.totalCount };
    after = page.pageInfo.endCursor ?? null;
  }
}

/** One sync round: the meetings changed since `since`, and the mark to start the next round from. */
async function meetingsChangedSince(client: ClientOptions, since: string) {
  const changed = [];
  let after: string | null = null;
  for (;;) {
    const { meetings }: MeetingsChangedSinceQuery = await request(client, MeetingsChangedSince, { since, after });
    if (!meetings) throw new Error("the meetings subgraph is unavailable");
    changed.push(...meetings.edges.map((edge) => edge.node));
    if (!meetings.pageInfo.hasNextPage) break;
    after = meetings.pageInfo.endCursor ?? null;
  }
  const next = changed.reduce((max, meeting) => (meeting.updatedAt > max ? meeting.updatedAt : max), since);
  return { changed, next };
}

async function main() {
  const client: ClientOptions = {
    url: arg("url") ?? "http://localhost:4000/graphql",
    token: arg("token"),
    onRetry: (code, afterMs) => console.log(`${code}: retrying in ${afterMs} ms`),
  };
  const { councils, pages, totalCount } = await allCouncils(client);
  console.log(`councils: ${councils.length} of ${totalCount}, in ${pages} pages`);
  const regional = councils.filter((council) => council.kind === "REGIONAL");
  console.log(`regional councils: ${regional.map((council) => council.territory?.name).join(", ")}`);

  const first = await meetingsChangedSince(client, "1970-01-01T00:00:00Z");
  console.log(`meetings changed since 1970-01-01T00:00:00Z: ${first.changed.length}`);
  const again = await meetingsChangedSince(client, first.next);
  // `updatedSince` includes its instant: the newest record comes back until something newer changes.
  console.log(`meetings changed since ${first.next}: ${again.changed.length}`);

  try {
    const councilId = "20";
    const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const { scheduleMeeting } = await request(client, ScheduleMeeting, {
      input: { councilId, type: "ORDINARY", modality: "ONLINE", onlineUrl: "https://meet.example.org/compur", startsAt, idempotencyKey: `example-${startsAt.slice(0, 10)}` },
    });
    console.log(`scheduled: ${scheduleMeeting.meeting.sequenceLabel}`);
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    console.log(`scheduleMeeting refused: ${error.code} — ${error.advice}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
