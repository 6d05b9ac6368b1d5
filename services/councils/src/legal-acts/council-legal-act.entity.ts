import { Entity, ManyToOne, Unique, type Ref } from "@mikro-orm/core";
import { BaseEntity } from "@contagem/schema";
import { CouncilEntity } from "../councils/council.entity";
import { LegalActEntity } from "./legal-act.entity";

/** A council rests on several acts (creation, regulation, composition, election notices): one row per act. */
@Entity({ tableName: "council_legal_act" })
@Unique({ properties: ["council", "legalAct"] })
export class CouncilLegalActEntity extends BaseEntity {
  @ManyToOne(() => CouncilEntity, { ref: true, deleteRule: "cascade" })
  council!: Ref<CouncilEntity>;

  @ManyToOne(() => LegalActEntity, { ref: true })
  legalAct!: Ref<LegalActEntity>;
}
