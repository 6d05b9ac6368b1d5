import { ConnectionType, RemovalReason } from "@contagem/schema";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

registerEnumType(RemovalReason, {
  name: "RemovalReason",
  description: "Why a public record left the public graph.",
  valuesConfig: {
    DELETED: { description: "It no longer exists: deleted, or replaced by a new version of its list (a meeting's agenda rewritten, its attendance recorded again)." },
    HIDDEN: { description: "Moderation hid it (a public comment). If it is published again, it is back in its lists with a newer `updatedAt`." },
  },
});

@ObjectType("RemovedRecord", {
  description:
    "A tombstone: a record the public graph showed and no longer does. A mirror that syncs with `updatedSince` deletes its copy. " +
    "It names the record and nothing of its content.",
})
export class RemovedRecord {
  @Field(() => ID, { description: "The removed record's global id (`Node.id`), as lists and `node(id:)` gave it; `node(id:)` now answers null for it." })
  recordId: string;

  @Field(() => String, { description: "The removed record's GraphQL type, e.g. `AgendaItem`, `Attendance`, `Contribution`, `Council`." })
  recordType: string;

  @Field(() => Date, { description: "When it left the public graph (ISO 8601 instant with its offset): the commit of the change that removed it." })
  removedAt: Date;

  @Field(() => RemovalReason, { description: "Why it left the public graph (DELETED or HIDDEN)." })
  reason: RemovalReason;
}

@ObjectType("RemovedRecordConnection")
export class RemovedRecordConnection extends ConnectionType(RemovedRecord, "RemovedRecord") {}
