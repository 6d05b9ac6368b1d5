import { buildASTSchema, getNamedType, isInputObjectType, isListType, isNonNullType, parse, type GraphQLInputObjectType, type GraphQLSchema } from "graphql";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * The list of every id a write takes, by subgraph, and how each is checked (issue 10, §2). Generated from the committed
 * SDL, compared with the table below: a new id in an input fails here until it is classified, and so checked.
 *
 * - `target`: the record the write acts on — NOT_FOUND when missing or hidden (loadForWrite).
 * - `local`: another record of the same subgraph — BAD_USER_INPUT naming the field when missing; `same council` when a
 *   council's record may name only that council's (FORBIDDEN otherwise; hidden minutes NOT_FOUND as missing ones).
 * - `Owner.Type`: a record of another subgraph, asked of its owner through `_entities` before the transaction, all of a
 *   write's ids in one request per peer — BAD_USER_INPUT naming the field when the owner does not know it.
 */
const REFERENCES: Record<string, Record<string, string>> = {
  councils: {
    "openTerm.councilId": "local",
    "openTerm.appointmentActId": "local",
    "openTerm.seats[].organizationId": "local",
    "openTerm.seats[].territoryId": "local",
    "appointMandate.seatId": "local",
    "appointMandate.personId": "local",
    "endMandate.mandateId": "target",
    "createCouncil.territoryId": "local",
    "createCouncil.legalBasisId": "local",
    "updateCouncil.id": "target",
    "updateCouncil.territoryId": "local",
    "updateCouncil.legalBasisId": "local",
    "recordLegalActPublication.legalActId": "target",
    "createTerritory.parentId": "local, compatible grid",
    "updateTerritory.id": "target",
    "updateTerritory.parentId": "local, compatible grid",
    "updateWebhookSubscription.id": "target",
    "redeliverWebhookDeliveries.subscriptionId": "target",
    "redeliverWebhookDeliveries.deliveryIds[]": "local, same subscription",
    "rotateWebhookSecret.subscriptionId": "target",
  },
  meetings: {
    "scheduleMeeting.councilId": "councils.Council",
    "scheduleMeeting.territoryId": "councils.Territory",
    "scheduleMeeting.agenda[].minutesId": "local, same council",
    "updateMeeting.meetingId": "target",
    "updateMeeting.agenda[].minutesId": "local, same council",
    "conveneMeeting.meetingId": "target",
    "conveneMeeting.convenedByMandateId": "councils.Mandate, same council",
    "cancelMeeting.meetingId": "target",
    "recordMeetingReport.meetingId": "target",
    "recordAttendance.meetingId": "target",
    "recordAttendance.entries[].mandateId": "councils.Mandate, same council",
    "recordAttendance.entries[].substituteMandateId": "councils.Mandate, same council",
    "recordDeliberation.meetingId": "local",
    "recordDeliberation.agendaItemId": "local, same council",
    "recordDeliberation.votes[].mandateId": "councils.Mandate, same council",
    "draftMinutes.meetingId": "local",
    "reviseMinutesDraft.minutesId": "target",
    "approveMinutes.minutesId": "target",
    "approveMinutes.meetingId": "local, same council",
    "publishMinutes.minutesId": "target",
    "amendMinutes.minutesId": "target",
    "adoptResolution.meetingId": "local",
    "adoptResolution.deliberationId": "local, same council",
    "amendResolution.meetingId": "local",
    "amendResolution.deliberationId": "local, same council",
    "amendResolution.resolutionId": "target, same council",
    "revokeResolution.meetingId": "local",
    "revokeResolution.deliberationId": "local, same council",
    "revokeResolution.resolutionId": "target, same council",
    "attachDocument.meetingId": "target",
    "attachDocument.minutesVersionId": "target",
    "attachDocument.resolutionId": "target",
    "withdrawDocument.documentId": "target",
  },
  participation: {
    "contribute.meetingId": "meetings.Meeting",
    "contribute.proposalId": "local",
    "moderateContribution.contributionId": "target",
    "recordPresence.meetingId": "meetings.Meeting",
    "createIntervention.councilId": "councils.Council",
    "createIntervention.territoryId": "councils.Territory",
    "createIntervention.processId": "local, same council",
    "createIntervention.deliberationId": "meetings.Deliberation, same council",
    "updateIntervention.id": "target",
    "updateIntervention.deliberationId": "meetings.Deliberation, same council",
    "registerParticipant.territoryId": "councils.Territory",
    "correctMyData.territoryId": "councils.Territory",
    "createProcess.councilId": "councils.Council",
    "createProcess.territoryId": "councils.Territory",
    "createProcess.meetingIds[]": "meetings.Meeting, same council",
    "updateProcess.id": "target",
    "updateProcess.meetingIds[]": "meetings.Meeting, same council",
    "recordCandidacy.processId": "local",
    "recordCandidacy.territoryId": "councils.Territory",
    "recordElectionResults.processId": "target",
    "recordElectionResults.results[].candidacyId": "local",
    "submitProposal.processId": "local",
    "submitProposal.territoryId": "councils.Territory",
    "createProposalOption.processId": "local",
    "createProposalOption.territoryId": "councils.Territory",
    "supportProposal.proposalId": "local",
    "withdrawProposal.proposalId": "target",
    "decideProposal.proposalId": "target",
    "castBallot.processId": "local",
    "castBallot.proposalIds[]": "local",
  },
};

const schemaOf = (name: string) =>
  buildASTSchema(parse(readFileSync(join(ROOT, "services", name, "schema.graphql"), "utf8")), { assumeValid: true, assumeValidSDL: true });

/** Every ID field of every mutation's input, as `mutation.path` (`[]` marks a list). */
function idsOfWrites(schema: GraphQLSchema): string[] {
  const ids: string[] = [];
  const walk = (type: GraphQLInputObjectType, path: string, seen: Set<string>) => {
    for (const field of Object.values(type.getFields())) {
      let inner = field.type;
      let list = false;
      while (isNonNullType(inner) || isListType(inner)) {
        if (isListType(inner)) list = true;
        inner = inner.ofType;
      }
      const at = `${path}.${field.name}${list ? "[]" : ""}`;
      if (getNamedType(inner).name === "ID") ids.push(at);
      else if (isInputObjectType(inner) && !seen.has(inner.name)) walk(inner, at, new Set([...seen, inner.name]));
    }
  };
  for (const mutation of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    for (const arg of mutation.args) {
      const type = getNamedType(arg.type);
      if (isInputObjectType(type)) walk(type, mutation.name, new Set([type.name]));
      else if (type.name === "ID") ids.push(`${mutation.name}(${arg.name})`);
    }
  }
  return ids.sort();
}

describe("ids a write takes", () => {
  it.each(DEFINITIONS.map((d) => d.name))("are all classified in %s", (name) => {
    expect(idsOfWrites(schemaOf(name))).toEqual(Object.keys(REFERENCES[name]).sort());
  });

  it("of another subgraph name a type its owner resolves through _entities", () => {
    const foreign = Object.values(REFERENCES).flatMap((table) => Object.values(table)).filter((kind) => /^\w+\.\w+/.test(kind));
    for (const kind of new Set(foreign.map((k) => k.split(",")[0]))) {
      const [owner, type] = kind.split(".");
      expect({ kind, resolvable: new RegExp(`type ${type} @key\\(fields: "id"\\)`).test(readFileSync(join(ROOT, "services", owner, "schema.graphql"), "utf8")) })
        .toEqual({ kind, resolvable: true });
    }
  });
});
