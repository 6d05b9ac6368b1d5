import { Migration20261127200000_participation } from "./Migration20261127200000_participation";
import { Migration20261129120000_portuguese_names } from "./Migration20261129120000_portuguese_names";
import { Migration20261201100000_integrity } from "./Migration20261201100000_integrity";

import { Migration20261216100000_public_record } from "./Migration20261216100000_public_record";
import { Migration20261217100000_stated_counts } from "./Migration20261217100000_stated_counts";
import { Migration20261231000000_webhook_outbox } from "./Migration20261231000000_webhook_outbox";
import { Migration20270103000000_proposal_search } from "./Migration20270103000000_proposal_search";
import { Migration20270104000000_places } from "./Migration20270104000000_places";
import { Migration20270105000000_sources } from "./Migration20270105000000_sources";
import { Migration20270201000000_decidim } from "./Migration20270201000000_decidim";

/** Every migration of this subgraph, in order. Add new ones at the end; never edit one that has shipped. */
export const migrations = [

  { name: "Migration20261127200000_participation", class: Migration20261127200000_participation },
  { name: "Migration20261129120000_portuguese_names", class: Migration20261129120000_portuguese_names },
  { name: "Migration20261201100000_integrity", class: Migration20261201100000_integrity },
  { name: "Migration20261216100000_public_record", class: Migration20261216100000_public_record },
  { name: "Migration20261217100000_stated_counts", class: Migration20261217100000_stated_counts },
  { name: "Migration20261231000000_webhook_outbox", class: Migration20261231000000_webhook_outbox },
  { name: "Migration20270103000000_proposal_search", class: Migration20270103000000_proposal_search },
  { name: "Migration20270104000000_places", class: Migration20270104000000_places },
  { name: "Migration20270105000000_sources", class: Migration20270105000000_sources },
  { name: "Migration20270201000000_decidim", class: Migration20270201000000_decidim },
];
