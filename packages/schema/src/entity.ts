import { Entity, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";

/** Columns every table has: a sequence id, creation and update times, and the optimistic-locking version. */
@Entity({ abstract: true })
export abstract class BaseEntity {
  [OptionalProps]?: "createdAt" | "updatedAt" | "version";

  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Property({ type: "timestamptz", defaultRaw: "now()" })
  createdAt: Date = new Date();

  @Property({ type: "timestamptz", defaultRaw: "now()", onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ version: true, default: 1 })
  version!: number;
}
