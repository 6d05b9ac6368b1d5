import { Embedded, Entity, Enum, ManyToOne, Property, Unique, type Ref, type Opt, BeforeCreate, BeforeUpdate } from "@mikro-orm/core";
import { BaseEntity, SourcesProperty, type SourceRecord, foldText } from "@contagem/schema";
import { ImportedFrom } from "../decidim/source.entity";
import { ParticipantEntity } from "../participants/participant.entity";
import { Channel } from "../processes/process.enums";
import { ProcessEntity } from "../processes/process.entity";
import { ProposalStatus } from "./proposal.enums";

/** A proposal of a process: a citizen's, or an official option put to the vote (no author). */
@Entity({ tableName: "proposal" })
export class ProposalEntity extends BaseEntity<"status" | "supportCount"> {

  @ManyToOne(() => ProcessEntity, { ref: true })
  process!: Ref<ProcessEntity>;

  @ManyToOne(() => ParticipantEntity, { ref: true, nullable: true })
  author?: Ref<ParticipantEntity> | null;

  @Property({ type: "text" })
  title!: string;

  @Property({ type: "text" })
  body!: string;

  @Property({ nullable: true })
  territoryId?: number | null;

  @Enum({ items: () => ProposalStatus })
  status: ProposalStatus = ProposalStatus.PUBLISHED;

  /** Why it was withdrawn (required) or decided (optional), as its author or STAFF wrote it. */
  @Property({ type: "text", nullable: true })
  statusReason?: string | null;

  /**
   * Kept in step with the supports, in the same transaction; null for an option of a process of the public record,
   * whose supports and votes were given elsewhere and are not stated.
   */
  @Property({ type: "integer", nullable: true })
  supportCount: number | null = 0;

  /** Where this record's facts come from: the public documents cited with its write (or by the seed). */
  @SourcesProperty()
  sources: Opt<SourceRecord[]> = [];

  /**
   * What `searchProposals` reads: its title and text, folded (never anything of its author). PostgreSQL derives the
   * search vector from it (a generated column), so the two never drift; mapped lazily, so that no read ships it.
   */
  @Property({ type: "text", lazy: true, nullable: true })
  searchDocument?: string | null;

  /** An imported proposal's official answer (plain text) and when it was given; null when none was published. */
  @Property({ type: "text", nullable: true })
  officialAnswer?: string | null;

  @Property({ type: "timestamptz", nullable: true })
  answeredAt?: Date | null;

  /** An imported proposal's number of authors (never who they are); null on this graph's own proposals. */
  @Property({ type: "integer", nullable: true })
  authorsCount?: number | null;

  /** The authoring organisation's name where Decidim marks one (official, or a user group); never a person's. */
  @Property({ type: "text", nullable: true })
  organizationAuthor?: string | null;

  /** An imported budgeting project's amount, in whole reais (BRL); null otherwise. */
  @Property({ type: "double", nullable: true })
  budgetAmount?: number | null;

  /** An imported budgeting project's confirmed votes as Decidim states them; null when hidden or not a project. */
  @Property({ type: "integer", nullable: true })
  statedVotes?: number | null;

  /** Set on a row imported from Decide Contagem (read-only here); null on this graph's own rows. */
  @Embedded(() => ImportedFrom, { prefix: "origin_", nullable: true })
  importedFrom?: ImportedFrom | null;

  @BeforeCreate()
  @BeforeUpdate()
  foldSearchDocument(): void {
    // A partial load (some fields only) lacks the text: it changes none of it either.
    if (this.title != null && this.body != null) this.searchDocument = proposalSearchDocument(this);
  }
}

/** A proposal's searched text, folded: its title and its text (the seeds' bulk inserts use it too). */
export const proposalSearchDocument = (p: { title: string; body: string }) => foldText(`${p.title}\n${p.body}`);

@Entity({ tableName: "support" })
@Unique({ properties: ["proposal", "participant"] })
export class SupportEntity extends BaseEntity {
  @ManyToOne(() => ProposalEntity, { ref: true })
  proposal!: Ref<ProposalEntity>;

  @ManyToOne(() => ParticipantEntity, { ref: true })
  participant!: Ref<ParticipantEntity>;

  @Enum({ items: () => Channel })
  channel!: Channel;
}
