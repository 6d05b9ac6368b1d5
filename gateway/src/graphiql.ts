import { globalId } from "@contagem/common";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { GraphiQLOptions } from "graphql-yoga";
import { createHash } from "node:crypto";

const pages = new Map<string, string>();

/** Where a reader goes from the IDE: the reference, the SDL, the changelog and the getting-started guide. */
export const IDE_LINKS = [
  { href: "/docs", text: "Schema reference" },
  { href: "/schema.graphql", text: "SDL" },
  { href: "/schema-changelog.md", text: "Schema changelog" },
  { href: "/getting-started.md", text: "Getting started" },
] as const;

/** The IDE's first query: real data of the default seed (Contagem's public record), not an empty answer. */
export const DEFAULT_QUERY = `# Contagem Participation Graph: the public record of
# Contagem's participation bodies. Press the run button
# (or Ctrl-Enter); the other tabs show common tasks. The
# links at the bottom right: the schema reference, the SDL
# and its changelog, and a guide for developers.
#
# The Conselho Municipal do Idoso (COMIC)'s meetings at the
# Casa dos Conselhos, with their agendas and sources:
query ComicMeetings {
  council(slug: "comic") {
    acronym
    name
    meetings(first: 5) {
      totalCount
      edges {
        node {
          sequenceLabel
          startsAt
          place
          recordedFrom
          agenda { position title }
          sources { url }
        }
      }
    }
  }
}
`;

export interface ExampleTab {
  query: string;
  variables?: string;
  headers?: string;
}

/** The start of a meeting a month from `now`, at 19:00 in Contagem: the secretary's example never schedules the past. */
const nextMonthEvening = (now: Date) => {
  const day = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  return `${day}T19:00:00-03:00`;
};

/**
 * The IDE's tabs: the default query, then one tab per common task. Each is a named operation (the tab shows its
 * name); a test runs every one against a started system on the default seed.
 */
export function exampleTabs(now = new Date()): ExampleTab[] {
  return [
    { query: DEFAULT_QUERY },
    {
      query: `# A council, its legal composition and its members. The public record names no member, so on the default seed
# \`currentTerm\` is null: \`npm run seed:demo\` adds synthetic terms, seats and members (or a secretary opens a term).
query CouncilAndMembers {
  council(slug: "compur") {
    name
    acronym
    kind
    nature
    rules { ordinaryMeetingsPerYear termLengthYears }
    legalActs { citation date title }
    seatRules { sector segment }
    currentTerm {
      label
      startsOn
      endsOn
      seats {
        position
        sector
        segment
        mandates { role boardRole startsOn person { displayName } }
      }
    }
  }
}
`,
    },
    {
      query: `# Meetings of every council, newest first, with their DOC publications; minutes (atas) where a secretariat
# recorded them (the default seed holds listed meetings, whose minutes are cited by DOC edition, not kept here:
# \`npm run seed:demo\` adds minutes). Page on with \`after: pageInfo.endCursor\`.
query MeetingsAndMinutes {
  meetings(first: 10) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        sequenceLabel
        type
        status
        startsAt
        council { acronym name }
        publications { document edition pages }
        minutes { label status gazette { edition pages } currentVersion { number sha256 } }
      }
    }
  }
}
`,
    },
    {
      query: `# Search: councils by name (accents and case ignored), and the full text (Portuguese, accents and plurals ignored,
# tolerant of misspellings) of published minutes, resolutions and proposals. The default seed keeps no minutes or
# resolution text (try them after \`npm run seed:demo\`); its proposals are the OGP Local vote's five commitments.
query Search($text: String! = "reunião", $council: String = "petrolandia", $proposal: String! = "transparencia") {
  councils(first: 5, filter: { search: $council }) {
    totalCount
    edges { node { slug name territory { name } } }
  }
  searchMinutes(query: $text, first: 5) {
    totalCount
    edges { node { rank excerpt minutes { label council { acronym } } } }
  }
  searchResolutions(query: $text, first: 5) {
    totalCount
    edges { node { rank excerpt resolution { label status council { acronym } } document { title url } } }
  }
  searchProposals(query: $proposal, first: 5) {
    totalCount
    edges { node { rank excerpt proposal { title status process { title } } } }
  }
}
`,
    },
    {
      query: `# Participation: the processes on record (Decide Contagem's votes, consultations, conferences) and the
# figures by region. Figures count synthetic participants only after \`npm run seed:demo\` (the public record has none).
query ParticipationFigures {
  decideContagem { name url launchedOn }
  processes(first: 10) {
    totalCount
    edges { node { title kind status phases { kind startsAt endsAt } } }
  }
  participationStats(groupBy: [TERRITORY]) {
    territory { name }
    participants
    activities
  }
}
`,
    },
    {
      query: `# A secretary's write: schedule a meeting of COMPUR (its global id: { council(slug: "compur") { id } }).
# Mutations need a token: run \`npm run token -- --role SECRETARY --council compur\` and paste it in the
# Headers pane below as {"Authorization": "Bearer <token>"}. Without one: UNAUTHENTICATED; for another council: FORBIDDEN.
# The same idempotencyKey again returns the first result and schedules nothing more.
mutation ScheduleMeeting($input: ScheduleMeetingInput!) {
  scheduleMeeting(input: $input) {
    meeting { id sequenceLabel status startsAt place convocation { requiredNoticeHours } council { acronym } }
  }
}
`,
      variables: JSON.stringify(
        {
          input: {
            councilId: globalId("Council", 20),
            type: "ORDINARY",
            modality: "IN_PERSON",
            startsAt: nextMonthEvening(now),
            place: "Casa dos Conselhos, Av. José Faria da Rocha, 1016, Eldorado",
            agenda: [{ kind: "OTHER", title: "informes da secretaria executiva" }],
            idempotencyKey: `compur-example-${nextMonthEvening(now).slice(0, 10)}`,
          },
        },
        null,
        2,
      ),
      headers: JSON.stringify({ Authorization: "Bearer <paste the output of: npm run token -- --role SECRETARY --council compur>" }, null, 2),
    },
  ];
}

const scriptHashes = new Set<string>();

/**
 * The IDE page with GraphiQL's scripts, styles and workers inlined from the installed npm package: it loads
 * nothing from another host (no CDN), so it works offline and on closed city networks. Rendered once per options and day.
 */
export function offlineGraphiQL(options?: GraphiQLOptions): string {
  // Rendered again each day: the secretary's example schedules a meeting a month from today, never in the past.
  const day = new Date().toISOString().slice(0, 10);
  const key = `${day} ${JSON.stringify(options ?? {})}`;
  let page = pages.get(key);
  if (!page) {
    for (const old of pages.keys()) if (!old.startsWith(day)) pages.delete(old);
    // The runtime's options carry GraphiQL's stock welcome text as the default query: ours come last.
    page = withLinks(renderGraphiQL({ ...options, defaultQuery: DEFAULT_QUERY, defaultTabs: exampleTabs() }));
    pages.set(key, page);
    // The policy allows the scripts of the pages served today, no others.
    scriptHashes.clear();
    for (const served of pages.values()) {
      for (const [, script] of served.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
        scriptHashes.add(`'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`);
      }
    }
  }
  return page;
}

/**
 * The IDE's Content-Security-Policy: only the page's own inline scripts (by hash) run, it talks only to this origin,
 * and no other site may frame it. Styles are inline in the bundle; workers come from blobs it creates.
 */
export function ideContentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `script-src ${[...scriptHashes].join(" ") || "'none'"}`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** A small bar of links over the IDE, and a style fix (plain HTML: no script, so the page's script hashes are unchanged). */
function withLinks(page: string): string {
  const links = IDE_LINKS.map(({ href, text }) => `<a href="${href}" style="color:inherit;margin-left:12px">${text}</a>`).join("");
  const bar = `<nav aria-label="Documentation" style="position:fixed;bottom:6px;right:12px;z-index:10;font:12px system-ui,sans-serif;opacity:.85">${links}</nav>`;
  // GraphiQL's tab strip (framer-motion's Reorder) can keep a stale layout transform on each tab after the first
  // render: the first click then moves the tab from under the pointer and is lost (seen in Chromium). Tabs stay where
  // the layout puts them; reordering by dragging still works, without the tab following the pointer.
  const style = "<style>.graphiql-tab { transform: none !important; }</style>";
  return page.replace('<div id="root"></div>', `${style}${bar}<div id="root"></div>`);
}
