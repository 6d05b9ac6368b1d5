import { forbidden, logTablePage, logTablePages, PageArgs, parseId, unauthenticated, type RequestContext, type SqlFilter } from "@contagem/schema";
import { Arg, Args, Ctx, Directive, Query, Resolver } from "type-graphql";
import { canReadAuditTrail } from "./audit.policy";
import { AuditEntry, AuditEntryConnection, AuditFilter } from "./audit.type";

interface AuditRow {
  id: string;
  occurred_at: Date;
  subgraph: string;
  actor_sub: string;
  actor_roles: string[];
  council_id: number | null;
  action: string;
  entity_type: string;
  entity_id: number;
  before_hash: string | null;
  after_hash: string | null;
  request_id: string;
  idempotency_key: string | null;
}

/** Newest first by the log's own bigint identity; ids beyond JavaScript's safe integers are a long way off. */
const AUDIT_PAGES = logTablePages("audit_entry");

const toEntry = (row: AuditRow): AuditEntry => ({
  id: String(row.id),
  occurredAt: new Date(row.occurred_at),
  subgraph: row.subgraph,
  actor: row.actor_sub,
  actorRoles: row.actor_roles,
  councilId: row.council_id === null ? null : String(row.council_id),
  action: row.action,
  entityType: row.entity_type,
  entityId: String(row.entity_id),
  beforeHash: row.before_hash,
  afterHash: row.after_hash,
  requestId: row.request_id,
  idempotencyKey: row.idempotency_key,
});

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { nullable: true,
    description: "The audit trail of every subgraph's writes, newest first (ADMIN).",
  })
  @Directive('@requiresScopes(scopes: [["ADMIN"]])')
  async auditTrail(
    @Arg("filter", () => AuditFilter, { nullable: true, description: "Which entries to list; omitted, every entry. Without a token: UNAUTHENTICATED; without ADMIN: FORBIDDEN." }) filter: AuditFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    if (!ctx.viewer) throw unauthenticated();
    if (!canReadAuditTrail(ctx.viewer)) throw forbidden("Only ADMIN may read the audit trail.");
    const filters: SqlFilter[] = [];
    if (filter?.entityType) filters.push({ sql: "entity_type = ?", params: [filter.entityType] });
    if (filter?.entityId != null) filters.push({ sql: "entity_id = ?", params: [parseId(filter.entityId, "filter.entityId")] });
    if (filter?.councilId != null) filters.push({ sql: "council_id = ?", params: [parseId(filter.councilId, "filter.councilId")] });
    if (filter?.actor) filters.push({ sql: "actor_sub = ?", params: [filter.actor] });
    const pageOf = await logTablePage(ctx, { table: `"${ctx.auditSchema}".audit_entry`, shape: AUDIT_PAGES, direction: "desc", filters, page, map: toEntry });
    return new AuditEntryConnection(pageOf);
  }
}
