import { Entity, Enum, Property, Unique } from "@mikro-orm/core";
import { BaseEntity } from "@contagem/schema";
import { LegalActKind } from "./legal-act.enums";

/** An official act (law, decree, ordinance, notice) and where the official gazette published it. */
@Entity({ tableName: "legal_act" })
@Unique({ properties: ["kind", "number", "year"] })
export class LegalActEntity extends BaseEntity {
  @Enum({ items: () => LegalActKind })
  kind!: LegalActKind;

  @Property({ length: 32 })
  number!: string;

  @Property()
  year!: number;

  @Property({ type: "date", nullable: true })
  date?: string | null;

  @Property({ type: "text", nullable: true })
  title?: string | null;

  @Property({ nullable: true })
  gazetteEdition?: number | null;

  @Property({ length: 32, nullable: true })
  gazettePages?: string | null;

  @Property({ type: "date", nullable: true })
  gazetteDate?: string | null;

  @Property({ type: "text", nullable: true })
  url?: string | null;
}
