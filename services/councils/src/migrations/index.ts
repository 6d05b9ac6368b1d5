import { Migration20261127000000_initial } from "./Migration20261127000000_initial";
import { Migration20261129100000_portuguese_names } from "./Migration20261129100000_portuguese_names";
import { Migration20261201000000_integrity } from "./Migration20261201000000_integrity";
import { Migration20261215000000_public_record } from "./Migration20261215000000_public_record";
import { Migration20261231000000_webhooks } from "./Migration20261231000000_webhooks";
import { Migration20270105000000_sources } from "./Migration20270105000000_sources";
import { Migration20270106000000_webhook_secret_rotation } from "./Migration20270106000000_webhook_secret_rotation";

/** Every migration of this subgraph, in order. Add new ones at the end; never edit one that has shipped. */
export const migrations = [
  { name: "Migration20261127000000_initial", class: Migration20261127000000_initial },
  { name: "Migration20261129100000_portuguese_names", class: Migration20261129100000_portuguese_names },
  { name: "Migration20261201000000_integrity", class: Migration20261201000000_integrity },
  { name: "Migration20261215000000_public_record", class: Migration20261215000000_public_record },
  { name: "Migration20261231000000_webhooks", class: Migration20261231000000_webhooks },
  { name: "Migration20270105000000_sources", class: Migration20270105000000_sources },
  { name: "Migration20270106000000_webhook_secret_rotation", class: Migration20270106000000_webhook_secret_rotation },
];
