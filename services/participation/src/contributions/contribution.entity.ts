import { Entity, Enum, ManyToOne, Property, type Ref } from "@mikro-orm/core";
import { BaseEntity } from "@contagem/schema";
import { ParticipantEntity } from "../participants/participant.entity";
import { Channel } from "../processes/process.enums";
import { ProposalEntity } from "../proposals/proposal.entity";
import { ContributionStatus } from "./contribution.enums";

/** A citizen's public comment at a meeting (meetings subgraph) or on a proposal, moderated before it is public. */
@Entity({ tableName: "contribution" })
export class ContributionEntity extends BaseEntity<"status"> {

  @ManyToOne(() => ParticipantEntity, { ref: true })
  participant!: Ref<ParticipantEntity>;

  @Property({ nullable: true })
  meetingId?: number | null;

  @ManyToOne(() => ProposalEntity, { ref: true, nullable: true })
  proposal?: Ref<ProposalEntity> | null;

  /** The council the contribution concerns (the meeting's, or the proposal's process's), for figures. */
  @Property({ nullable: true })
  councilId?: number | null;

  @Property({ type: "text" })
  body!: string;

  @Enum({ items: () => ContributionStatus })
  status: ContributionStatus = ContributionStatus.PENDING;

  @Property({ type: "text", nullable: true })
  hiddenReason?: string | null;

  @Enum({ items: () => Channel })
  channel!: Channel;

  @Property({ type: "timestamptz", nullable: true })
  publishedAt?: Date | null;
}

/** A citizen's registered presence at a public meeting (hearing, plenary, open council meeting). */
@Entity({ tableName: "meeting_presence" })
export class MeetingPresenceEntity extends BaseEntity {
  @ManyToOne(() => ParticipantEntity, { ref: true })
  participant!: Ref<ParticipantEntity>;

  @Property()
  meetingId!: number;

  @Property({ nullable: true })
  councilId?: number | null;

  @Enum({ items: () => Channel })
  channel!: Channel;
}
