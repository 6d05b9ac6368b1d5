import { Migration20261127200000_participation } from "./Migration20261127200000_participation";
import { Migration20261201100000_integrity } from "./Migration20261201100000_integrity";

/** Every migration of this subgraph, in order. Add new ones at the end; never edit one that has shipped. */
export const migrations = [
  { name: "Migration20261127200000_participation", class: Migration20261127200000_participation },
  { name: "Migration20261201100000_integrity", class: Migration20261201100000_integrity },
];
