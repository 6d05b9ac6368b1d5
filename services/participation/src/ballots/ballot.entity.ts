import { Entity, Enum, ManyToOne, Unique, type Ref } from "@mikro-orm/core";
import { BaseEntity } from "@contagem/schema";
import { ParticipantEntity } from "../participants/participant.entity";
import { Channel } from "../processes/process.enums";
import { ProcessEntity } from "../processes/process.entity";
import { ProposalEntity } from "../proposals/proposal.entity";

/** One participant's ballot in a vote. Results are counts; the time is public only truncated to the hour. */
@Entity({ tableName: "ballot" })
@Unique({ properties: ["process", "participant"] })
export class BallotEntity extends BaseEntity {
  @ManyToOne(() => ProcessEntity, { ref: true })
  process!: Ref<ProcessEntity>;

  @ManyToOne(() => ParticipantEntity, { ref: true })
  participant!: Ref<ParticipantEntity>;

  @Enum({ items: () => Channel })
  channel!: Channel;
}

@Entity({ tableName: "ballot_choice" })
@Unique({ properties: ["ballot", "proposal"] })
export class BallotChoiceEntity extends BaseEntity {
  @ManyToOne(() => BallotEntity, { ref: true })
  ballot!: Ref<BallotEntity>;

  @ManyToOne(() => ProposalEntity, { ref: true })
  proposal!: Ref<ProposalEntity>;
}
