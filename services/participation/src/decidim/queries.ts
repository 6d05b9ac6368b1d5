/**
 * Every GraphQL document the Decidim client sends, in one place (validated against the transcribed Decidim 0.28.4
 * SDL by `queries.test.ts`). Texts are read as `translation(locale: $locale)` plus `translations` for the fallback.
 * Authors: only `__typename` and, for user groups (organisations), `name` — never a user's name or nickname.
 * Connections are read with `first`/`after`, `edges { cursor node }` and `pageInfo { hasNextPage endCursor }`: the
 * client starts each next page at the previous page's second-to-last cursor, so pages overlap by one item and a list
 * that shifted during the read (Decidim's cursors are offsets) is noticed.
 */

const TEXT = `fragment Text on TranslatedField { translation(locale: $locale) translations { locale text } }`;
const PAGE_INFO = `pageInfo { hasNextPage endCursor }`;

/** Decidim's version and the organisation's name. */
export const METADATA_QUERY = `query DecidimMetadata {
  decidim { version }
  organization { name }
}`;

/** Every published process (with steps) and public assembly, with their published components' ids and types. */
export const SPACES_QUERY = `query DecidimSpaces($locale: String!) {
  participatoryProcesses {
    id slug publishedAt startDate endDate
    title { ...Text } subtitle { ...Text } description { ...Text }
    steps { id position active startDate endDate title { ...Text } description { ...Text } }
    components { id __typename }
  }
  assemblies {
    id slug publishedAt
    title { ...Text } subtitle { ...Text } description { ...Text }
    components { id __typename }
  }
}
${TEXT}`;

/** One page of a proposals component. */
export const PROPOSALS_QUERY = `query DecidimProposals($id: ID!, $first: Int!, $after: String, $locale: String!) {
  component(id: $id) {
    __typename
    ... on Proposals {
      proposals(first: $first, after: $after) {
        ${PAGE_INFO}
        edges { cursor node {
          id state answeredAt publishedAt official voteCount endorsementsCount totalCommentsCount authorsCount
          title { ...Text } body { ...Text } answer { ...Text }
          author { __typename ... on UserGroup { name badge } }
          authors { __typename ... on UserGroup { name badge } }
        } }
      }
    }
  }
}
${TEXT}`;

/** One page of a budgets component's budgets, each with all its projects (Decidim lists projects unpaginated). */
export const BUDGETS_QUERY = `query DecidimBudgets($id: ID!, $first: Int!, $after: String, $locale: String!) {
  component(id: $id) {
    __typename
    ... on Budgets {
      budgets(first: $first, after: $after) {
        ${PAGE_INFO}
        edges { cursor node {
          id title { ...Text }
          projects { id budget_amount selected title { ...Text } description { ...Text } }
        } }
      }
    }
  }
}
${TEXT}`;

/** One page of an accountability component's results. */
export const RESULTS_QUERY = `query DecidimResults($id: ID!, $first: Int!, $after: String, $locale: String!) {
  component(id: $id) {
    __typename
    ... on Accountability {
      results(first: $first, after: $after) {
        ${PAGE_INFO}
        edges { cursor node {
          id startDate endDate progress
          title { ...Text } description { ...Text }
          parent { id }
          status { name { ...Text } }
        } }
      }
    }
  }
}
${TEXT}`;

/** One page of a meetings component (agenda two levels deep, as Decidim's agenda items nest). */
export const MEETINGS_QUERY = `query DecidimMeetings($id: ID!, $first: Int!, $after: String, $locale: String!) {
  component(id: $id) {
    __typename
    ... on Meetings {
      meetings(first: $first, after: $after) {
        ${PAGE_INFO}
        edges { cursor node {
          id startTime endTime typeOfMeeting address closed isWithdrawn
          attendeeCount contributionCount attendingOrganizations
          title { ...Text } description { ...Text } location { ...Text } closingReport { ...Text }
          agenda {
            items {
              position title { ...Text } description { ...Text }
              items { position title { ...Text } description { ...Text } }
            }
          }
        } }
      }
    }
  }
}
${TEXT}`;

/** Every document the client sends, by operation name. */
export const DECIDIM_QUERIES = {
  DecidimMetadata: METADATA_QUERY,
  DecidimSpaces: SPACES_QUERY,
  DecidimProposals: PROPOSALS_QUERY,
  DecidimBudgets: BUDGETS_QUERY,
  DecidimResults: RESULTS_QUERY,
  DecidimMeetings: MEETINGS_QUERY,
} as const;

export type DecidimOperation = keyof typeof DECIDIM_QUERIES;
