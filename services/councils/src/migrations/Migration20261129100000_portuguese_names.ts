import { collateNamesMigration } from "@contagem/schema";

/** Names and titles sort in Portuguese ("Ágora" with the A's), on PostgreSQL and on the embedded database alike. */
export const Migration20261129100000_portuguese_names = collateNamesMigration([
  { table: "territory", column: "name", type: "varchar(200)" },
  { table: "council", column: "name", type: "varchar(300)" },
  { table: "legal_act", column: "title", type: "text" },
  { table: "organization", column: "name", type: "varchar(300)" },
  { table: "public_person", column: "display_name", type: "varchar(300)" },
]);
