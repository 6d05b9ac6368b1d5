import { Entity, Enum, ManyToOne, Property, type Ref } from "@mikro-orm/core";
import { BaseEntity } from "@contagem/schema";
import { CouncilEntity } from "../councils/council.entity";
import { Sector } from "./composition.enums";

/** One line of a council's legal composition: how many seats a sector/segment holds. */
@Entity({ tableName: "seat_rule" })
export class SeatRuleEntity extends BaseEntity {
  @ManyToOne(() => CouncilEntity, { ref: true })
  council!: Ref<CouncilEntity>;

  @Enum({ items: () => Sector })
  sector!: Sector;

  @Property({ length: 300, nullable: true })
  segment?: string | null;

  @Property()
  titulares!: number;

  @Property()
  suplentes!: number;
}
