import { Entity, Enum, ManyToOne, Property, type Ref, type Opt } from "@mikro-orm/core";
import { BaseEntity, SourcesProperty, type SourceRecord } from "@contagem/schema";
import { PublicPersonEntity } from "../people/public-person.entity";
import { BoardRole, MandateEndReason, MandateRole } from "./composition.enums";
import { SeatEntity } from "./seat.entity";

/** A person holding a seat as titular or suplente, for a period. */
@Entity({ tableName: "mandate" })
export class MandateEntity extends BaseEntity {
  @ManyToOne(() => SeatEntity, { ref: true })
  seat!: Ref<SeatEntity>;

  @ManyToOne(() => PublicPersonEntity, { ref: true })
  person!: Ref<PublicPersonEntity>;

  @Enum({ items: () => MandateRole })
  role!: MandateRole;

  @Enum({ items: () => BoardRole, nullable: true })
  boardRole?: BoardRole | null;

  @Property({ type: "date" })
  startsOn!: string;

  @Property({ type: "date", nullable: true })
  endsOn?: string | null;

  @Enum({ items: () => MandateEndReason, nullable: true })
  endReason?: MandateEndReason | null;

  /** Where this record's facts come from: the public documents cited with its write (or by the seed). */
  @SourcesProperty()
  sources: Opt<SourceRecord[]> = [];
}
