import { ConnectionType, DateScalar, NodeType } from "@contagem/schema";
import { Directive, Field, Float, Int, ObjectType } from "type-graphql";
import { RecordSource, SOURCE_DESCRIPTION } from "./source.type";

const READ_ONLY = "Imported from Decide Contagem (Decidim) and read-only here: its changes are made on Decidim and arrive with the next sync.";

@ObjectType("ProcessResult", {
  description:
    "What a participatory process delivered, with its progress (Decidim's accountability results). " + READ_ONLY +
    " Apart from `Intervention` (works a regional council chose in its meetings, with cost, year and milestones written here).",
})
@Directive('@key(fields: "id")')
export class ProcessResult extends NodeType {
  @Field({ description: "Its title, in Portuguese." })
  title: string;

  @Field({ description: "Its description, plain text (Decidim's HTML removed); its title when Decidim gives none." })
  description: string;

  @Field(() => DateScalar, { nullable: true, description: "When it starts (YYYY-MM-DD); null when not stated." })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When it ends (YYYY-MM-DD); null when not stated." })
  endDate?: string | null;

  @Field(() => Float, { nullable: true, description: "Progress, 0 to 100 %; null when not stated." })
  progress?: number | null;

  @Field(() => String, { nullable: true, description: 'Its status as Decidim names it, e.g. "Em execução"; null when none.' })
  statusName?: string | null;

  @Field(() => RecordSource, { description: SOURCE_DESCRIPTION })
  source: RecordSource;
}

@ObjectType("ProcessResultConnection")
export class ProcessResultConnection extends ConnectionType(ProcessResult, "ProcessResult") {}

@ObjectType("AssemblyAgendaItem", { description: "An item of an assembly meeting's agenda, in order." })
export class AssemblyAgendaItem {
  @Field({ description: "Its title." })
  title: string;

  @Field({ description: "Its description, plain text; empty when none." })
  description: string;
}

@ObjectType("AssemblyMeeting", {
  description:
    "A meeting of a Decide Contagem assembly (e.g. a regional council's), as Decidim publishes it: agenda, closing report " +
    "and attendance counts, never who attended. " + READ_ONLY + " Not a `Meeting`: those are the councils' own records, kept by the meetings subgraph.",
})
@Directive('@key(fields: "id")')
export class AssemblyMeeting extends NodeType {
  @Field({ description: "Its title, in Portuguese." })
  title: string;

  @Field({ description: "Its description, plain text; its title when Decidim gives none." })
  description: string;

  @Field({ description: "When it starts (ISO 8601 instant with its offset)." })
  startsAt: Date;

  @Field(() => Date, { nullable: true, description: "When it ends; null when not stated." })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: "Where (address and location); null when online or not stated." })
  address?: string | null;

  @Field(() => [AssemblyAgendaItem], { description: "Its agenda, in order; empty when it has none." })
  agenda: AssemblyAgendaItem[];

  @Field({ description: "Whether Decidim closed it (its closing report and counts are then final)." })
  closed: boolean;

  @Field(() => String, { nullable: true, description: "The closing report (minutes' summary), plain text; null until closed or when none." })
  closingReport?: string | null;

  @Field(() => Int, { nullable: true, description: "How many attended, as the closing states; null when not stated." })
  attendeesCount?: number | null;

  @Field(() => Int, { nullable: true, description: "How many contributions were made, as the closing states; null when not stated." })
  contributionsCount?: number | null;

  @Field(() => String, { nullable: true, description: "Organisations that attended, as the closing states them; null when not stated." })
  attendingOrganizations?: string | null;

  @Field(() => RecordSource, { description: SOURCE_DESCRIPTION })
  source: RecordSource;
}

@ObjectType("AssemblyMeetingConnection")
export class AssemblyMeetingConnection extends ConnectionType(AssemblyMeeting, "AssemblyMeeting") {}

@ObjectType("DecidimSyncCounts", { description: "What one sync did to one kind of record." })
export class DecidimSyncCounts {
  @Field({ description: "Kind: processes, proposals, projects, results, assemblies or meetings." })
  kind: string;

  @Field(() => Int, { description: "Rows created." })
  created: number;

  @Field(() => Int, { description: "Rows rewritten because their content changed on Decidim (their `updatedAt` moved)." })
  updated: number;

  @Field(() => Int, { description: "Rows left as they were (same content)." })
  unchanged: number;

  @Field(() => Int, { description: "Rows removed: deleted, hidden (moderated) or unpublished on Decidim." })
  removed: number;
}

@ObjectType("DecidimSyncRun", { description: "One run of the Decide Contagem sync (STAFF/ADMIN): when, from where, what it changed, or why it failed." })
export class DecidimSyncRun {
  @Field(() => Int, { description: "Its number, in the order runs started." })
  runNumber: number;

  @Field({ description: "When it started." })
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: "When it finished; null while it runs." })
  finishedAt?: Date | null;

  @Field(() => String, { nullable: true, description: "The Decidim API it read." })
  apiUrl?: string | null;

  @Field(() => String, { nullable: true, description: "Decidim's version as its API reported it; null when hidden." })
  decidimVersion?: string | null;

  @Field(() => [DecidimSyncCounts], { description: "Per kind of record, what it did; empty for a failed run (it changed nothing)." })
  counts: DecidimSyncCounts[];

  @Field(() => Int, { description: "Records read that this graph has no place for (proposals, projects or results of an assembly; meetings of a process)." })
  skipped: number;

  @Field(() => String, { nullable: true, description: "Why it failed (the error's message); null when it succeeded. A failed run changed nothing." })
  error?: string | null;
}

@ObjectType("DecidimSyncRunConnection")
export class DecidimSyncRunConnection extends ConnectionType(DecidimSyncRun, "DecidimSyncRun") {}
