import { Entity, Enum, Property, Unique, type Opt } from "@mikro-orm/core";
import { BaseEntity, type SourceRecord } from "@contagem/schema";
import { OrganizationKind } from "./people.enums";

/** A government body or civil-society entity that holds seats in councils. */
@Entity({ tableName: "organization" })
@Unique({ properties: ["name"] })
export class OrganizationEntity extends BaseEntity {
  @Property({ length: 300 })
  name!: string;

  @Property({ length: 32, nullable: true })
  acronym?: string | null;

  @Enum({ items: () => OrganizationKind })
  kind!: OrganizationKind;

  /** Where this row's facts come from (the public record); empty for records entered through mutations. */
  @Property({ type: "json" })
  sources: Opt<SourceRecord[]> = [];

  /** SHA-256 of the record's facts the seed last applied: a restart re-applies only a changed record. */
  @Property({ length: 64, nullable: true, hidden: true })
  recordHash?: string | null;
}
