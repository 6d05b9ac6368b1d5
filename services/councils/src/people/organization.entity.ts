import { Entity, Enum, Property, Unique } from "@mikro-orm/core";
import { BaseEntity } from "@contagem/schema";
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
}
