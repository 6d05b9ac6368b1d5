import { BaseEntity, PlaceEmbeddable } from "@contagem/schema";
import { BallotChoiceEntity, BallotEntity } from "./ballots/ballot.entity";
import { ContributionEntity, MeetingPresenceEntity } from "./contributions/contribution.entity";
import { AssemblyEntity } from "./decide/assembly.entity";
import { AssemblyMeetingEntity } from "./decidim/assembly-meeting.entity";
import { ProcessResultEntity } from "./decidim/process-result.entity";
import { ImportedFrom } from "./decidim/source.entity";
import { DecidimSyncRunEntity } from "./decidim/sync-run.entity";
import { CandidacyEntity } from "./elections/candidacy.entity";
import { InterventionEntity, MilestoneEntity } from "./interventions/intervention.entity";
import { ParticipantEntity } from "./participants/participant.entity";
import { PhaseEntity, ProcessEntity, ProcessMeetingEntity } from "./processes/process.entity";
import { ProposalEntity, SupportEntity } from "./proposals/proposal.entity";

export const entities = [
  BaseEntity,
  PlaceEmbeddable,
  ImportedFrom,
  ParticipantEntity,
  ProcessEntity,
  PhaseEntity,
  ProcessMeetingEntity,
  ProposalEntity,
  SupportEntity,
  BallotEntity,
  BallotChoiceEntity,
  ContributionEntity,
  MeetingPresenceEntity,
  InterventionEntity,
  MilestoneEntity,
  CandidacyEntity,
  AssemblyEntity,
  ProcessResultEntity,
  AssemblyMeetingEntity,
  DecidimSyncRunEntity,
];
