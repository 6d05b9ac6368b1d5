import { findPage, forbidden, PageArgs, Source, type RequestContext, type SourceRecord } from "@contagem/schema";
import { Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Assembly } from "../decide/assembly.type";
import { assemblyById, processById, processResultById } from "../loaders";
import { canManageParticipation } from "../participants/participant.policy";
import { ParticipatoryProcess } from "../processes/process.type";
import { AssemblyMeetingEntity } from "./assembly-meeting.entity";
import { AssemblyMeeting, DecidimSyncRun, DecidimSyncRunConnection, ProcessResult } from "./decidim.type";
import { ProcessResultEntity } from "./process-result.entity";
import { RecordSource, recordSource, SOURCE_DESCRIPTION } from "./source.type";
import { DecidimSyncRunEntity } from "./sync-run.entity";

/** An imported record's `sources`: the Decidim page its facts were read from. */
const IMPORTED_SOURCES_DESCRIPTION =
  "Public documents this record's facts come from (Open Civic Data's `sources`): its page on Decide Contagem (`source.url`), where they were read.";
const importedSources = (row: { importedFrom?: { url?: string | null } | null }): SourceRecord[] => (row.importedFrom?.url ? [{ url: row.importedFrom.url }] : []);

@Resolver(() => ProcessResult)
export class ProcessResultResolver {
  @FieldResolver(() => RecordSource, { description: SOURCE_DESCRIPTION })
  source(@Root() row: ProcessResultEntity): RecordSource {
    return recordSource(row.importedFrom);
  }

  @FieldResolver(() => [Source], { description: IMPORTED_SOURCES_DESCRIPTION })
  sources(@Root() row: ProcessResultEntity): SourceRecord[] {
    return importedSources(row);
  }

  @FieldResolver(() => ParticipatoryProcess, { description: "The process it is a result of." })
  process(@Root() row: ProcessResultEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(processById).load(row.process.id);
  }

  @FieldResolver(() => ProcessResult, { nullable: true, description: "The result it is part of (results nest on Decidim); null at the top." })
  parent(@Root() row: ProcessResultEntity, @Ctx() ctx: RequestContext) {
    return row.parent ? ctx.loaders.get(processResultById).load(row.parent.id) : null;
  }
}

@Resolver(() => AssemblyMeeting)
export class AssemblyMeetingResolver {
  @FieldResolver(() => RecordSource, { description: SOURCE_DESCRIPTION })
  source(@Root() row: AssemblyMeetingEntity): RecordSource {
    return recordSource(row.importedFrom);
  }

  @FieldResolver(() => [Source], { description: IMPORTED_SOURCES_DESCRIPTION })
  sources(@Root() row: AssemblyMeetingEntity): SourceRecord[] {
    return importedSources(row);
  }

  @FieldResolver(() => Assembly, { description: "The assembly whose meeting it is." })
  assembly(@Root() row: AssemblyMeetingEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(assemblyById).load(row.assembly.id);
  }
}

/** What the sync did, per run: STAFF and ADMIN only (it names the API read and its errors), newest first. */
@Resolver(() => DecidimSyncRun)
export class DecidimSyncRunResolver {
  @Directive('@requiresScopes(scopes: [["STAFF"], ["ADMIN"]])')
  @Query(() => DecidimSyncRunConnection, { nullable: true, description: "Runs of the Decide Contagem sync, newest first (STAFF/ADMIN; others: FORBIDDEN)." })
  async decidimSyncRuns(@Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    if (!canManageParticipation(ctx.viewer)) throw forbidden("Only STAFF or ADMIN may read the Decidim sync runs.");
    return new DecidimSyncRunConnection(await findPage(ctx.em, DecidimSyncRunEntity, {}, page, [], "desc"));
  }

  @FieldResolver()
  runNumber(@Root() run: DecidimSyncRunEntity): number {
    return run.id;
  }

  @FieldResolver()
  counts(@Root() run: DecidimSyncRunEntity) {
    return Object.entries(run.counts).map(([kind, counts]) => ({ kind, ...counts }));
  }

  @FieldResolver()
  skipped(@Root() run: DecidimSyncRunEntity): number {
    return Object.values(run.skipped).reduce((sum, n) => sum + n, 0);
  }
}
