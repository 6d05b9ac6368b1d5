import { collateNamesMigration } from "@contagem/schema";

/** Names and titles sort in Portuguese ("Ágora" with the A's), on PostgreSQL and on the embedded database alike. */
export const Migration20261129110000_portuguese_names = collateNamesMigration([
  { table: "agenda_item", column: "title", type: "text" },
]);
