import { MAX_PAGE } from "@contagem/common";
import { ID_DESCRIPTION } from "./node";
import { IDEMPOTENCY_TTL_HOURS } from "./write";

/**
 * Descriptions of the fields every subgraph repeats (ids, versions, idempotency keys, root types): one wording, so a
 * client reads the same contract on every type, and a change of the rule changes every description with it.
 */
export const Doc = {
  ID: ID_DESCRIPTION,
  IDEMPOTENCY_KEY:
    `Optional client-chosen key, 1 to 255 characters, e.g. a UUID. Resending the same input with the same key within ${IDEMPOTENCY_TTL_HOURS} h returns the first result instead of writing again; the same key with another input: IDEMPOTENCY_KEY_REUSED.`,
  EXPECTED_VERSION:
    "The record's `version` as you last read it (optimistic locking): if it changed since, the write fails with CONFLICT (`extensions.currentVersion` gives the current one); read it again and retry.",
  VERSION: "Optimistic-locking version, incremented on every change; pass it as `expectedVersion` when you change the record.",
  QUERY:
    "Entry point of every read. Lists are Relay connections, paged forward (`first` 1 to " +
    `${MAX_PAGE}, \`after\`) or backward (\`last\` 1 to ${MAX_PAGE}, \`before\`); records a viewer may not see are absent (null or NOT_FOUND), never partly shown.`,
  MUTATION:
    "Every write: needs a bearer token (UNAUTHENTICATED without one, FORBIDDEN outside the token's roles and councils), takes an optional `idempotencyKey`, runs in one transaction and is audited.",
  MUTATION_INPUT: (type: string) =>
    `What to write, as \`${type.replace(/!$/, "")}\`: each field states its rules; a field that breaks one is BAD_USER_INPUT naming it in \`extensions.field\`.`,
} as const;
