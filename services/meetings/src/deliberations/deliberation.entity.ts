import { Entity, Enum, ManyToOne, Property, Unique, type Ref, type Opt } from "@mikro-orm/core";
import { BaseEntity, SourcesProperty, type SourceRecord } from "@contagem/schema";
import { AgendaItemEntity, MeetingEntity } from "../meetings/meeting.entity";
import { DeliberationOutcome, VoteChoice } from "./deliberation.enums";

@Entity({ tableName: "deliberation" })
export class DeliberationEntity extends BaseEntity {
  @ManyToOne(() => MeetingEntity, { ref: true })
  meeting!: Ref<MeetingEntity>;

  @ManyToOne(() => AgendaItemEntity, { ref: true })
  agendaItem!: Ref<AgendaItemEntity>;

  @Property({ type: "text" })
  text!: string;

  @Property()
  votesFor!: number;

  @Property()
  votesAgainst!: number;

  @Property()
  abstentions!: number;

  @Enum({ items: () => DeliberationOutcome })
  outcome!: DeliberationOutcome;

  /** Where this record's facts come from: the public documents cited with its write (or by the seed). */
  @SourcesProperty()
  sources: Opt<SourceRecord[]> = [];
}

/** A nominal vote, where the council records them. */
@Entity({ tableName: "vote" })
@Unique({ properties: ["deliberation", "mandateId"] })
export class VoteEntity extends BaseEntity {
  @ManyToOne(() => DeliberationEntity, { ref: true })
  deliberation!: Ref<DeliberationEntity>;

  @Property()
  mandateId!: number;

  @Enum({ items: () => VoteChoice })
  choice!: VoteChoice;
}
