import { createHmac } from "node:crypto";
import type { Viewer } from "@contagem/common";
import type { RequestContext } from "./context";

/**
 * The actor an audit entry names. Officials (ADMIN, STAFF, SECRETARY) act in a public function and are named by
 * their token's `sub`; a citizen is named by a keyed pseudonym, so that the append-only log never holds an
 * identifier that outlives the erasure of their data.
 */
export function auditActor(ctx: Pick<RequestContext, "settings">, viewer: Viewer): string {
  const official = viewer.roles.some((role) => role !== "CITIZEN");
  const key = ctx.settings.PII_KEY;
  if (official || !key) return viewer.sub;
  return `citizen:${createHmac("sha256", key).update(viewer.sub).digest("hex").slice(0, 32)}`;
}

export interface ReadAudit {
  action: string;
  entityType: string;
  entityId: number;
  councilId?: number | null;
  details: Record<string, unknown>;
}

/** Audits a read of personal data (who, whose, which fields, why) in the shared, append-only audit log. */
export async function auditRead(ctx: RequestContext, entry: ReadAudit): Promise<void> {
  const viewer = ctx.viewer!;
  await ctx.em.execute(
    `insert into "${ctx.auditSchema}".audit_entry
      (subgraph, actor_sub, actor_roles, council_id, action, entity_type, entity_id, request_id, details)
     values (?, ?, ?::text[], ?, ?, ?, ?, ?, ?::jsonb)`,
    [
      ctx.subgraph,
      auditActor(ctx, viewer),
      `{${viewer.roles.join(",")}}`,
      entry.councilId ?? null,
      entry.action,
      entry.entityType,
      entry.entityId,
      ctx.requestId,
      JSON.stringify(entry.details),
    ],
  );
}
