import { buildFederatedSchema, RecordProvenance, referenceById, tryParseId, type FederatedSchema, type RequestContext } from "@contagem/schema";
import { ContributionResolver } from "./contributions/contribution.resolver";
import { InterventionResolver } from "./interventions/intervention.resolver";
import { assemblyById, assemblyMeetingById, candidacyById, processResultById, interventionById, processById, proposalById } from "./loaders";
import { visibleContribution } from "./contributions/contribution.visibility";
import { ParticipantResolver } from "./participants/participant.resolver";
import { AssemblyResolver } from "./decide/decide.resolver";
import { AssemblyMeetingResolver, DecidimSyncRunResolver, ProcessResultResolver } from "./decidim/decidim.resolver";
import { ProcessResolver } from "./processes/process.resolver";
import { ProposalResolver } from "./proposals/proposal.resolver";
import {
  CouncilParticipationResolver,
  DeliberationParticipationResolver,
  MeetingParticipationResolver,
  TerritoryParticipationResolver,
} from "./references/contributions.resolver";
import { StatsResolver } from "./stats/stats.resolver";

type Reference = { id?: string; recordedFrom?: unknown };
const idOf = (ref: Reference) => (ref.id == null ? null : tryParseId(ref.id));
const stub = (ref: Reference) => (idOf(ref) === null ? null : { id: idOf(ref) });

export function buildParticipationSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        ProcessResolver,
        AssemblyResolver,
        AssemblyMeetingResolver,
        ProcessResultResolver,
        DecidimSyncRunResolver,
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
      ParticipatoryProcess: { __resolveReference: referenceById(processById) },
      Proposal: { __resolveReference: referenceById(proposalById) },
      Intervention: { __resolveReference: referenceById(interventionById) },
      Candidacy: { __resolveReference: referenceById(candidacyById) },
      Assembly: { __resolveReference: referenceById(assemblyById) },
      ProcessResult: { __resolveReference: referenceById(processResultById) },
      AssemblyMeeting: { __resolveReference: referenceById(assemblyMeetingById) },
      Contribution: { __resolveReference: (ref: Reference, ctx: RequestContext) => (idOf(ref) === null ? null : visibleContribution(ctx, idOf(ref)!)) },
      Council: { __resolveReference: stub },
      // A meeting's representation carries `recordedFrom` when a field here @requires it.
      Meeting: {
        __resolveReference: (ref: Reference) =>
          idOf(ref) === null ? null : { id: idOf(ref), recordedFrom: ref.recordedFrom === RecordProvenance.PUBLIC_LISTING ? RecordProvenance.PUBLIC_LISTING : undefined },
      },
      Territory: { __resolveReference: stub },
      Deliberation: { __resolveReference: stub },
    } as never,
    { subgraph: "participation", hostsNode: true },
  );
}
