import { buildFederatedSchema, referenceById, tryParseId, type FederatedSchema, type RequestContext } from "@contagem/schema";
import { AgendaItemResolver, DeliberationResolver, VoteResolver } from "./deliberations/deliberation.resolver";
import { agendaItemById, attendanceById, deliberationById, meetingById, resolutionById } from "./loaders";
import { AttendanceResolver, MeetingResolver } from "./meetings/meeting.resolver";
import { MinutesResolver, MinutesVersionResolver } from "./minutes/minutes.resolver";
import { DocumentResolver, MeetingDocumentsResolver, MinutesVersionDocumentsResolver, ResolutionDocumentsResolver } from "./documents/document.resolver";
import { visibleDocumentById } from "./documents/document.visibility";
import { visibleMinutes, visibleVersion } from "./minutes/minutes.visibility";
import { MandateRecordResolver } from "./mandates/mandate-record.resolver";
import { CouncilContributionResolver } from "./references/council.resolver";
import { ResolutionResolver } from "./resolutions/resolution.resolver";

type Reference = { id?: string };
const idOf = (ref: Reference) => (ref.id == null ? null : tryParseId(ref.id));

export function buildMeetingsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        MeetingResolver,
        AttendanceResolver,
        DeliberationResolver,
        VoteResolver,
        AgendaItemResolver,
        MinutesResolver,
        MinutesVersionResolver,
        ResolutionResolver,
        CouncilContributionResolver,
        MandateRecordResolver,
        DocumentResolver,
        MeetingDocumentsResolver,
        MinutesVersionDocumentsResolver,
        ResolutionDocumentsResolver,
      ],
      validate: false,
    },
    {
      // The same loaders — and for minutes the same visibility rule — as every other path: no IDOR through `_entities`.
      Meeting: { __resolveReference: referenceById(meetingById) },
      Minutes: {
        __resolveReference: async (ref: Reference, ctx: RequestContext) =>
          idOf(ref) === null ? null : visibleMinutes(ctx, idOf(ref)!),
      },
      MinutesVersion: {
        __resolveReference: async (ref: Reference, ctx: RequestContext) => (idOf(ref) === null ? null : visibleVersion(ctx, idOf(ref)!)),
      },
      Document: {
        __resolveReference: async (ref: Reference, ctx: RequestContext) => (idOf(ref) === null ? null : visibleDocumentById(ctx, idOf(ref)!)),
      },
      Resolution: { __resolveReference: referenceById(resolutionById) },
      Deliberation: { __resolveReference: referenceById(deliberationById) },
      AgendaItem: { __resolveReference: referenceById(agendaItemById) },
      Attendance: { __resolveReference: referenceById(attendanceById) },
      Council: { __resolveReference: (ref: Reference) => (idOf(ref) === null ? null : { id: idOf(ref) }) },
      // A mandate's record is public (a public function) and an unknown mandate simply has none.
      Mandate: { __resolveReference: (ref: Reference) => (idOf(ref) === null ? null : { id: idOf(ref) }) },
    } as never,
    { subgraph: "meetings" },
  );
}
