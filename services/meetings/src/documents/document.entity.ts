import { Entity, Enum, ManyToOne, Property, type Ref } from "@mikro-orm/core";
import { BaseEntity } from "@contagem/schema";
import { MeetingEntity } from "../meetings/meeting.entity";
import { MinutesVersionEntity } from "../minutes/minutes.entity";
import { ResolutionEntity } from "../resolutions/resolution.entity";
import { DocumentKind } from "./document.enums";

/**
 * A file attached to exactly one record (a meeting, a minutes version or a resolution). The bytes are the storage's,
 * named by `sha256`; media type and size are copied here so that listing documents never reads a blob.
 */
@Entity({ tableName: "document" })
export class DocumentEntity extends BaseEntity<"withdrawnAt"> {
  @Property()
  councilId!: number;

  @Enum({ items: () => DocumentKind, type: "text" })
  kind!: DocumentKind;

  @Property({ type: "text" })
  title!: string;

  @Property({ type: "text" })
  filename!: string;

  @Property({ length: 64 })
  sha256!: string;

  @Property({ type: "text" })
  mediaType!: string;

  @Property()
  byteSize!: number;

  @ManyToOne(() => MeetingEntity, { ref: true, nullable: true })
  meeting?: Ref<MeetingEntity> | null;

  @ManyToOne(() => MinutesVersionEntity, { ref: true, nullable: true })
  minutesVersion?: Ref<MinutesVersionEntity> | null;

  @ManyToOne(() => ResolutionEntity, { ref: true, nullable: true })
  resolution?: Ref<ResolutionEntity> | null;

  @Property({ type: "text" })
  authorSub!: string;

  /** Set when the secretary withdrew it from a draft; the row stays, as the audit trail's subject. */
  @Property({ type: "timestamptz", nullable: true })
  withdrawnAt?: Date | null;
}
