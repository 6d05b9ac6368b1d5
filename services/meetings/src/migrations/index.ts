import { Migration20261127100000_meetings } from "./Migration20261127100000_meetings";
import { Migration20261127300000_page_indexes } from "./Migration20261127300000_page_indexes";
import { Migration20261129110000_portuguese_names } from "./Migration20261129110000_portuguese_names";
import { Migration20261129130000_refold_decomposed_minutes } from "./Migration20261129130000_refold_decomposed_minutes";
import { Migration20261216000000_public_record } from "./Migration20261216000000_public_record";
import { Migration20261230000000_mandate_records } from "./Migration20261230000000_mandate_records";
import { Migration20261231000000_webhook_outbox } from "./Migration20261231000000_webhook_outbox";
import { Migration20270101000000_documents } from "./Migration20270101000000_documents";
import { Migration20270102000000_meeting_reports } from "./Migration20270102000000_meeting_reports";
import { Migration20270103000000_resolution_search } from "./Migration20270103000000_resolution_search";
import { Migration20270104000000_places } from "./Migration20270104000000_places";
import { Migration20270105000000_sources } from "./Migration20270105000000_sources";

/** Every migration of this subgraph, in order. Add new ones at the end; never edit one that has shipped. */
export const migrations = [
  { name: "Migration20261127100000_meetings", class: Migration20261127100000_meetings },
  { name: "Migration20261127300000_page_indexes", class: Migration20261127300000_page_indexes },
  { name: "Migration20261129110000_portuguese_names", class: Migration20261129110000_portuguese_names },
  { name: "Migration20261129130000_refold_decomposed_minutes", class: Migration20261129130000_refold_decomposed_minutes },
  { name: "Migration20261216000000_public_record", class: Migration20261216000000_public_record },
  { name: "Migration20261230000000_mandate_records", class: Migration20261230000000_mandate_records },
  { name: "Migration20261231000000_webhook_outbox", class: Migration20261231000000_webhook_outbox },
  { name: "Migration20270101000000_documents", class: Migration20270101000000_documents },
  { name: "Migration20270102000000_meeting_reports", class: Migration20270102000000_meeting_reports },
  { name: "Migration20270103000000_resolution_search", class: Migration20270103000000_resolution_search },
  { name: "Migration20270104000000_places", class: Migration20270104000000_places },
  { name: "Migration20270105000000_sources", class: Migration20270105000000_sources },
];
