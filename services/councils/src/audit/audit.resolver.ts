import {
  decodeCursor,
  forbidden,
  intKey,
  PageArgs,
  pageSize,
  parseId,
  toPage,
  unauthenticated,
  type CursorShape,
  type RequestContext,
} from "@contagem/schema";
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
const AUDIT_PAGES: CursorShape = { list: "audit_entry(id)", keys: [intKey(1, Number.MAX_SAFE_INTEGER)] };

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
    const size = pageSize(page.first);
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (sql: string, value: unknown) => {
      conditions.push(sql);
      params.push(value);
    };
    if (filter?.entityType) where("entity_type = ?", filter.entityType);
    if (filter?.entityId != null) where("entity_id = ?", parseId(filter.entityId, "filter.entityId"));
    if (filter?.councilId != null) where("council_id = ?", parseId(filter.councilId, "filter.councilId"));
    if (filter?.actor) where("actor_sub = ?", filter.actor);
    const filtered = conditions.length ? `where ${conditions.join(" and ")}` : "";
    const filterParams = [...params];
    if (page.after) where("id < ?::bigint", decodeCursor(page.after, AUDIT_PAGES)[0]);
    const table = `"${ctx.auditSchema}".audit_entry`;
    const rows = await ctx.em.execute<AuditRow[]>(
      `select * from ${table} ${conditions.length ? `where ${conditions.join(" and ")}` : ""} order by id desc limit ${size + 1}`,
      params,
    );
    const pageOf = toPage(rows.map(toEntry), size, !!page.after, AUDIT_PAGES, (e) => [Number(e.id)], async () => {
      const [{ count }] = await ctx.em.execute<{ count: string }[]>(`select count(*) as count from ${table} ${filtered}`, filterParams);
      return Number(count);
    });
    return new AuditEntryConnection(pageOf);
  }
}
