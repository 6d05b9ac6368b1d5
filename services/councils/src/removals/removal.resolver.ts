import { badInput, globalId, isNodeType, logTablePage, logTablePages, PageArgs, type RemovalReason, type RequestContext, type SqlFilter } from "@contagem/schema";
import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import { RemovedRecord, RemovedRecordConnection } from "./removal.type";

interface RemovalRow {
  id: string;
  removed_at: Date;
  entity_type: string;
  entity_id: number;
  reason: RemovalReason;
}

/** Oldest first, by the log's own identity: a mirror pages forward from where it stopped. */
const REMOVAL_PAGES = logTablePages("removed_record");
const MAX_TYPES = 30;

const toRemoved = (row: RemovalRow): RemovedRecord => ({
  recordId: globalId(row.entity_type, row.entity_id),
  recordType: row.entity_type,
  removedAt: new Date(row.removed_at),
  reason: row.reason,
});

@Resolver(() => RemovedRecord)
export class RemovalResolver {
  @Query(() => RemovedRecordConnection, { nullable: true,
    description:
      "Tombstones of every subgraph's public records that left the public graph (deleted, replaced or hidden), oldest first: " +
      "what a mirror syncing with `updatedSince` must delete. Public; names records, never their content.",
  })
  async removedRecords(
    @Arg("removedSince", () => Date, { nullable: true, description: "Only records removed at or after this instant (ISO 8601 with offset); omitted, every tombstone. Use the `removedAt` of the last one you processed (it comes back once: compare `recordId`)." }) removedSince: Date | undefined,
    @Arg("recordTypes", () => [String], { nullable: true, description: `Only records of these GraphQL types (Node type names, at most ${MAX_TYPES}); another name: BAD_USER_INPUT.` }) recordTypes: string[] | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const filters: SqlFilter[] = [];
    if (removedSince) filters.push({ sql: "removed_at >= ?", params: [removedSince] });
    if (recordTypes) {
      if (recordTypes.length > MAX_TYPES) throw badInput("recordTypes", `"recordTypes" takes at most ${MAX_TYPES} names; got ${recordTypes.length}.`);
      const unknown = recordTypes.find((type) => !isNodeType(type));
      if (unknown !== undefined) throw badInput("recordTypes", `"${unknown.slice(0, 60)}" is not a record type (a Node type such as AgendaItem or Contribution).`);
      filters.push({ sql: "entity_type = any(?::text[])", params: [`{${recordTypes.join(",")}}`] });
    }
    const table = `"${ctx.auditSchema}".removed_record`;
    return new RemovedRecordConnection(await logTablePage(ctx, { table, shape: REMOVAL_PAGES, direction: "asc", filters, page, map: toRemoved }));
  }
}
