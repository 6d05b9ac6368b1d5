import { collateNamesMigration } from "@contagem/schema";

/** Names and titles sort in Portuguese ("Ágora" with the A's), on PostgreSQL and on the embedded database alike. */
export const Migration20261129120000_portuguese_names = collateNamesMigration([
  { table: "participant", column: "full_name", type: "text" },
  { table: "process", column: "title", type: "text" },
  { table: "phase", column: "title", type: "text" },
  { table: "proposal", column: "title", type: "text" },
  { table: "intervention", column: "title", type: "text" },
  { table: "milestone", column: "title", type: "text" },
  { table: "candidacy", column: "display_name", type: "text" },
]);
