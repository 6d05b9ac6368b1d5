import { Entity, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";

/** Columns every table has: a sequence id, creation and update times, and the optimistic-locking version. */
@Entity({ abstract: true })
export abstract class BaseEntity<Optional extends string = never> {
  /** Properties with defaults, which `em.create` need not be given; subclasses add theirs. */
  [OptionalProps]?: "createdAt" | "updatedAt" | "version" | Optional;

  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Property({ type: "timestamptz", defaultRaw: "now()" })
  createdAt: Date = new Date();

  @Property({ type: "timestamptz", defaultRaw: "now()", onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ version: true, default: 1 })
  version!: number;
}
