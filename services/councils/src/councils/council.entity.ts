import { BeforeCreate, BeforeUpdate, Embeddable, Embedded, Entity, Enum, ManyToOne, Property, Unique, type Opt, type Ref } from "@mikro-orm/core";
import { BaseEntity, foldForSearch, type SourceRecord } from "@contagem/schema";
import { LegalActEntity } from "../legal-acts/legal-act.entity";
import { OrganizationEntity } from "../people/organization.entity";
import { TerritoryEntity } from "../territories/territory.entity";
import { CouncilKind, CouncilNature, CouncilStatus, QuorumRule } from "./council.enums";

/** Per-council operating rules. They differ per council; null means the public record does not say. */
@Embeddable()
export class CouncilRulesEmbeddable {
  @Property({ nullable: true })
  ordinaryMeetingsPerYear?: number | null;

  @Property({ nullable: true })
  ordinaryNoticeDays?: number | null;

  @Property({ nullable: true })
  extraordinaryNoticeHours?: number | null;

  @Enum({ items: () => QuorumRule, nullable: true })
  quorumRule?: QuorumRule | null;

  @Property({ nullable: true })
  termLengthYears?: number | null;

  @Property({ nullable: true })
  maxReappointments?: number | null;

  @Property({ nullable: true })
  parity?: boolean | null;
}

@Entity({ tableName: "council" })
@Unique({ properties: ["slug"] })
export class CouncilEntity extends BaseEntity {
  @Property({ length: 80 })
  slug!: string;

  @Property({ length: 32, nullable: true })
  acronym?: string | null;

  @Property({ length: 300 })
  name!: string;

  @Enum({ items: () => CouncilKind })
  kind!: CouncilKind;

  @Property({ length: 64, nullable: true })
  policyArea?: string | null;

  @Enum({ items: () => CouncilNature, array: true, default: [] })
  nature: CouncilNature[] = [];

  @Property({ type: "text", nullable: true })
  natureStatement?: string | null;

  @ManyToOne(() => OrganizationEntity, { nullable: true, ref: true })
  boundTo?: Ref<OrganizationEntity> | null;

  @Property({ type: "text", nullable: true })
  boundToStatement?: string | null;

  @ManyToOne(() => TerritoryEntity, { nullable: true, ref: true })
  territory?: Ref<TerritoryEntity> | null;

  @ManyToOne(() => LegalActEntity, { nullable: true, ref: true })
  legalBasis?: Ref<LegalActEntity> | null;

  @Enum({ items: () => CouncilStatus, default: CouncilStatus.ACTIVE })
  status: CouncilStatus = CouncilStatus.ACTIVE;

  @Embedded(() => CouncilRulesEmbeddable, { prefix: "rule_" })
  rules: CouncilRulesEmbeddable = new CouncilRulesEmbeddable();

  @Property({ type: "text", nullable: true })
  notes?: string | null;

  /** Where this row's facts come from (the public record); empty for records entered through mutations. */
  @Property({ type: "json" })
  sources: Opt<SourceRecord[]> = [];

  /** SHA-256 of the record's facts the seed last applied: a restart re-applies only a changed record. */
  @Property({ length: 64, nullable: true, hidden: true })
  recordHash?: string | null;

  /** Name, acronym and slug folded to lower case without accents, for `search`. */
  @Property({ type: "text", lazy: true })
  searchText!: string;

  @BeforeCreate()
  @BeforeUpdate()
  foldSearchText(): void {
    this.searchText = foldForSearch([this.name, this.acronym, this.slug].filter(Boolean).join(" "));
  }
}
