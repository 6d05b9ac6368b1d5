import { Entity, Enum, ManyToOne, Property, Unique, type Ref } from "@mikro-orm/core";
import { BaseEntity } from "@contagem/schema";
import { OrganizationEntity } from "../people/organization.entity";
import { TerritoryEntity } from "../territories/territory.entity";
import { Sector } from "./composition.enums";
import { TermEntity } from "./term.entity";

/** A post in a term. It exists whether or not someone holds it. */
@Entity({ tableName: "seat" })
@Unique({ properties: ["term", "position"] })
export class SeatEntity extends BaseEntity {
  @ManyToOne(() => TermEntity, { ref: true })
  term!: Ref<TermEntity>;

  @Property()
  position!: number;

  @Enum({ items: () => Sector })
  sector!: Sector;

  @Property({ length: 300, nullable: true })
  segment?: string | null;

  @ManyToOne(() => OrganizationEntity, { nullable: true, ref: true })
  organization?: Ref<OrganizationEntity> | null;

  @ManyToOne(() => TerritoryEntity, { nullable: true, ref: true })
  territory?: Ref<TerritoryEntity> | null;
}
