import { batchOptions, byId, byParent, byUnique, type RequestContext } from "@contagem/schema";
import DataLoader from "dataloader";
import { ContributionEntity } from "./contributions/contribution.entity";
import { AssemblyEntity } from "./decide/assembly.entity";
import { ProcessResultEntity } from "./decidim/process-result.entity";
import { AssemblyMeetingEntity } from "./decidim/assembly-meeting.entity";
import { CandidacyEntity } from "./elections/candidacy.entity";
import { InterventionEntity, MilestoneEntity } from "./interventions/intervention.entity";
import { ParticipantEntity } from "./participants/participant.entity";
import { PhaseEntity, ProcessEntity, ProcessMeetingEntity } from "./processes/process.entity";
import { ProposalEntity } from "./proposals/proposal.entity";
import { figuresSalt, keySumSql, personKeySql, publishedCount } from "./stats/disclosure";

/** Every entity and list-to-entity path of this subgraph goes through one of these per-request loaders. */
export const processById = byId(ProcessEntity);
export const proposalById = byId(ProposalEntity);
export const interventionById = byId(InterventionEntity);
export const contributionById = byId(ContributionEntity);
export const candidacyById = byId(CandidacyEntity);
export const assemblyById = byId(AssemblyEntity);
export const assemblyBySlug = byUnique(AssemblyEntity, "slug");
export const processResultById = byId(ProcessResultEntity);
export const assemblyMeetingById = byId(AssemblyMeetingEntity);
export const participantById = byId(ParticipantEntity);
export const phasesByProcess = byParent(PhaseEntity, "process", { position: "asc" });
export const meetingsByProcess = byParent(ProcessMeetingEntity, "process", { meetingId: "asc" });
export const milestonesByIntervention = byParent(MilestoneEntity, "intervention", { position: "asc" });
export const candidaciesByProcess = byParent(CandidacyEntity, "process", { displayName: "asc" });
export const optionsByProcess = byParent(ProposalEntity, "process", { id: "asc" });

/** Proposals per process, counted in one grouped statement. */
export const proposalCountByProcess = (ctx: RequestContext) =>
  new DataLoader<number, number>(async (ids) => {
    const rows = await ctx.em.execute<{ process_id: number; n: string }[]>(
      `select process_id, count(*) as n from "${ctx.em.config.get("schema")}".proposal where process_id in (${ids.map(() => "?").join(", ")}) group by process_id`,
      [...ids],
    );
    const counts = new Map(rows.map((r) => [Number(r.process_id), Number(r.n)]));
    return ids.map((id) => counts.get(id) ?? 0);
  }, batchOptions);

/** Votes per option of each process, and ballots per process: counts only. */
export const resultsByProcess = (ctx: RequestContext) =>
  new DataLoader<number, { ballots: number; votes: Map<number, number> }>(async (ids) => {
    const schema = ctx.em.config.get("schema");
    const params = [...ids];
    const marks = ids.map(() => "?").join(", ");
    const [ballots, votes] = await Promise.all([
      ctx.em.execute<{ process_id: number; n: string }[]>(
        `select process_id, count(*) as n from "${schema}".ballot where process_id in (${marks}) group by process_id`,
        params,
      ),
      ctx.em.execute<{ process_id: number; proposal_id: number; n: string }[]>(
        `select b.process_id, c.proposal_id, count(*) as n from "${schema}".ballot_choice c join "${schema}".ballot b on b.id = c.ballot_id
         where b.process_id in (${marks}) group by b.process_id, c.proposal_id`,
        params,
      ),
    ]);
    const result = new Map(ids.map((id) => [id, { ballots: 0, votes: new Map<number, number>() }]));
    for (const row of ballots) result.get(Number(row.process_id))!.ballots = Number(row.n);
    for (const row of votes) result.get(Number(row.process_id))!.votes.set(Number(row.proposal_id), Number(row.n));
    return ids.map((id) => result.get(id)!);
  }, batchOptions);

/** Citizens' registered presence per meeting (one row per person), published as every participation count is. */
export const presenceCountByMeeting = (ctx: RequestContext) =>
  new DataLoader<number, number>(async (ids) => {
    const rows = await ctx.em.execute<{ meeting_id: number; n: string; k: string }[]>(
      `select meeting_id, count(*) as n, ${keySumSql(personKeySql("participant_id"))} as k
       from "${ctx.em.config.get("schema")}".meeting_presence where meeting_id in (${ids.map(() => "?").join(", ")}) group by meeting_id`,
      [figuresSalt(ctx), ...ids],
    );
    const counts = new Map(rows.map((r) => [Number(r.meeting_id), publishedCount(r.n, r.k)]));
    return ids.map((id) => counts.get(id) ?? 0);
  }, batchOptions);

