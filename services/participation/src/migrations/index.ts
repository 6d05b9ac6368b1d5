import { Migration20261127200000_participation } from "./Migration20261127200000_participation";

/** Every migration of this subgraph, in order. Add new ones at the end; never edit one that has shipped. */
export const migrations = [{ name: "Migration20261127200000_participation", class: Migration20261127200000_participation }];
