import { Entity, Enum, Property, Unique } from "@mikro-orm/core";
import { BaseEntity } from "@contagem/schema";
import { Channel } from "../processes/process.enums";

/**
 * A person taking part. Holds personal data: reachable only by the person (their token's `sub`) and by STAFF
 * through audited reads — never by the public graph. `eraseMe` empties every personal field for good.
 */
@Entity({ tableName: "participant" })
@Unique({ properties: ["subject"] })
export class ParticipantEntity extends BaseEntity<"profilePublic"> {

  /** The identity provider's `sub` of the person; null once erased. */
  @Property({ type: "text", nullable: true })
  subject?: string | null;

  @Property({ type: "text", nullable: true })
  fullName?: string | null;

  @Property({ type: "text", nullable: true })
  email?: string | null;

  @Property({ type: "text", nullable: true })
  phone?: string | null;

  /** Keyed hash of the CPF: tells whether a number is already registered without storing it. */
  @Property({ type: "text", nullable: true })
  documentHash?: string | null;

  /** The CPF's last three digits, so the person can recognise it. */
  @Property({ type: "text", nullable: true })
  documentLastDigits?: string | null;

  @Property({ type: "date", nullable: true })
  birthDate?: string | null;

  @Property({ type: "text", nullable: true })
  neighbourhood?: string | null;

  /** The region (administrative territory) the person takes part from: coarse, used for figures. */
  @Property({ nullable: true })
  territoryId?: number | null;

  /** The pseudonym shown publicly, only when `profilePublic` and the person is an adult. */
  @Property({ type: "text", nullable: true })
  handle?: string | null;

  @Property()
  profilePublic: boolean = false;

  @Enum({ items: () => Channel })
  channel!: Channel;

  @Property({ type: "timestamptz", nullable: true })
  erasedAt?: Date | null;
}
