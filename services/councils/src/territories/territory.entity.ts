import { Entity, Enum, ManyToOne, Property, Unique, type Ref, type Opt } from "@mikro-orm/core";
import { BaseEntity, type SourceRecord } from "@contagem/schema";
import { TerritoryScheme } from "./territory.enums";

@Entity({ tableName: "territory" })
@Unique({ properties: ["scheme", "code"] })
export class TerritoryEntity extends BaseEntity {
  @Enum({ items: () => TerritoryScheme })
  scheme!: TerritoryScheme;

  @Property({ length: 64 })
  code!: string;

  @Property({ length: 200 })
  name!: string;

  @ManyToOne(() => TerritoryEntity, { nullable: true, ref: true })
  parent?: Ref<TerritoryEntity> | null;

  @Property({ nullable: true })
  population?: number | null;

  @Property({ length: 200, nullable: true })
  populationSource?: string | null;

  @Property({ type: "decimal", precision: 10, scale: 2, nullable: true })
  areaKm2?: string | null;

  /** Where this row's facts come from (the public record); empty for records entered through mutations. */
  @Property({ type: "json" })
  sources: Opt<SourceRecord[]> = [];

  /** SHA-256 of the record's facts the seed last applied: a restart re-applies only a changed record. */
  @Property({ length: 64, nullable: true, hidden: true })
  recordHash?: string | null;
}
