import { Entity, Enum, Property, Unique, type Opt } from "@mikro-orm/core";
import { BaseEntity, type SourceRecord } from "@contagem/schema";
import { LegalActKind } from "./legal-act.enums";

/** An official act (law, decree, ordinance, notice) and where the official gazette published it. */
@Entity({ tableName: "legal_act" })
@Unique({ properties: ["kind", "number", "year"] })
export class LegalActEntity extends BaseEntity {
  @Enum({ items: () => LegalActKind })
  kind!: LegalActKind;

  @Property({ length: 64 })
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

  /** Where this row's facts come from (the public record); empty for records entered through mutations. */
  @Property({ type: "json" })
  sources: Opt<SourceRecord[]> = [];

  /** SHA-256 of the record's facts the seed last applied: a restart re-applies only a changed record. */
  @Property({ length: 64, nullable: true, hidden: true })
  recordHash?: string | null;
}
