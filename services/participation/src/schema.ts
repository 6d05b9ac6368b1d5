import { buildFederatedSchema, tryParseId, type FederatedSchema, type RequestContext } from "@contagem/schema";
import { ContributionResolver } from "./contributions/contribution.resolver";
import { InterventionResolver } from "./interventions/intervention.resolver";
import { interventionById, processById, proposalById } from "./loaders";
import { ParticipantResolver } from "./participants/participant.resolver";
import { AssemblyResolver } from "./decide/decide.resolver";
import { ProcessResolver } from "./processes/process.resolver";
import { ProposalResolver } from "./proposals/proposal.resolver";
import {
  CouncilParticipationResolver,
  DeliberationParticipationResolver,
  MeetingParticipationResolver,
  TerritoryParticipationResolver,
} from "./references/contributions.resolver";
import { StatsResolver } from "./stats/stats.resolver";

type Reference = { id?: string };
const idOf = (ref: Reference) => (ref.id == null ? null : tryParseId(ref.id));
const stub = (ref: Reference) => (idOf(ref) === null ? null : { id: idOf(ref) });

export function buildParticipationSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        ProcessResolver,
        AssemblyResolver,
        ProposalResolver,
        ContributionResolver,
        InterventionResolver,
        ParticipantResolver,
        StatsResolver,
        CouncilParticipationResolver,
        TerritoryParticipationResolver,
        MeetingParticipationResolver,
        DeliberationParticipationResolver,
      ],
      validate: false,
    },
    {
      // Participants are not entities: no representation can reach personal data through `_entities`.
      ParticipatoryProcess: { __resolveReference: (ref: Reference, ctx: RequestContext) => (idOf(ref) === null ? null : ctx.loaders.get(processById).load(idOf(ref)!)) },
      Proposal: { __resolveReference: (ref: Reference, ctx: RequestContext) => (idOf(ref) === null ? null : ctx.loaders.get(proposalById).load(idOf(ref)!)) },
      Intervention: { __resolveReference: (ref: Reference, ctx: RequestContext) => (idOf(ref) === null ? null : ctx.loaders.get(interventionById).load(idOf(ref)!)) },
      Council: { __resolveReference: stub },
      Meeting: { __resolveReference: stub },
      Territory: { __resolveReference: stub },
      Deliberation: { __resolveReference: stub },
    } as never,
  );
}
