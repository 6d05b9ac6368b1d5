import { ConnectionType, Doc } from "@contagem/schema";
import { Field, ID, InputType, ObjectType } from "type-graphql";

@ObjectType("AuditEntry", {
  description: "One write, as the append-only audit log recorded it in the same transaction as the write itself.",
})
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field()
  occurredAt: Date;

  @Field({ description: "The subgraph that made the write." })
  subgraph: string;

  @Field({ description: "The `sub` claim of the token that made the write." })
  actor: string;

  @Field(() => [String], { description: "The roles of that token." })
  actorRoles: string[];

  @Field(() => ID, { nullable: true, description: "The council the write concerns." })
  councilId: string | null;

  @Field({ description: "What was done, e.g. `council.update`, `minutes.publish`." })
  action: string;

  @Field()
  entityType: string;

  @Field(() => ID)
  entityId: string;

  @Field(() => String, { nullable: true, description: "SHA-256 of the record before the write (null on creation)." })
  beforeHash: string | null;

  @Field(() => String, { nullable: true, description: "SHA-256 of the record after the write." })
  afterHash: string | null;

  @Field()
  requestId: string;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey: string | null;
}

@ObjectType("AuditEntryConnection")
export class AuditEntryConnection extends ConnectionType(AuditEntry, "AuditEntry") {}

@InputType({ description: "Which audit entries to list; all given filters must match." })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: "Entries about records of this type (with `entityId`)." })
  entityType?: string;

  @Field(() => ID, { nullable: true })
  entityId?: string;

  @Field(() => ID, { nullable: true })
  councilId?: string;

  @Field(() => String, { nullable: true, description: "Entries made by this actor (`sub`)." })
  actor?: string;
}
