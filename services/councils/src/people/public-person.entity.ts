import { Entity, Property } from "@mikro-orm/core";
import { BaseEntity } from "@contagem/schema";

/**
 * A council member's public profile: only the name as the official act writes it. Personal data (documents,
 * contacts, address, birth date) is never stored here.
 */
@Entity({ tableName: "public_person" })
export class PublicPersonEntity extends BaseEntity {
  @Property({ length: 300 })
  displayName!: string;
}
