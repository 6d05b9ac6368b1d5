import { civilDate } from "@contagem/schema";
import { adminToken } from "@contagem/testkit";

/** A GraphQL call that returns `data` and throws on any error (the fixture's steps must all succeed). */
export type Call = (query: string, variables?: Record<string, unknown>, token?: string) => Promise<any>;

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const date = (days: number) => civilDate(new Date(Date.now() + days * DAY));

export interface HeldMeetings {
  councilId: string;
  /** The first meeting (20 days ago): its deliberation, by roll call, and its minutes, published. */
  first: { id: string; agenda: { id: string }[] };
  deliberationId: string;
  publishedMinutesId: string;
  /** The second meeting (5 days ago), which approved the first's minutes; its own minutes are left a draft. */
  second: { id: string };
  draftMinutesId: string;
  mandates: [string, string];
}

/**
 * COMPUR's record as a secretariat makes it through the API: a term with two members, a meeting held and deliberated
 * by roll call, its minutes drafted, approved at the next meeting and published in the gazette; the next meeting's
 * minutes left a draft (`texts.draft`, which no public view may show).
 */
export async function holdMeetings(call: Call, secretary: string, texts: { published: string; draft: string }): Promise<HeldMeetings> {
  const admin = await adminToken();
  const { council } = await call(`{ council(slug: "compur") { id version } }`);
  await call(`mutation($i: UpdateCouncilInput!) { updateCouncil(input: $i) { council { id } } }`, {
    i: { id: council.id, expectedVersion: council.version, rules: { ordinaryNoticeDays: 7, quorumRule: "ABSOLUTE_MAJORITY" } },
  }, admin);
  const { openTerm } = await call(`mutation($i: OpenTermInput!) { openTerm(input: $i) { term { id seats { id } } } }`, {
    i: { councilId: council.id, startsOn: date(-400), endsOn: date(300), seats: [{ sector: "GOVERNMENT" }, { sector: "CIVIL_SOCIETY" }] },
  }, secretary);
  const [seat1, seat2] = openTerm.term.seats.map((s: { id: string }) => s.id);
  const appoint = async (seatId: string, personName: string, role: string) =>
    (await call(`mutation($i: AppointMandateInput!) { appointMandate(input: $i) { mandate { id } } }`, { i: { seatId, personName, role, startsOn: date(-400) } }, secretary)).appointMandate.mandate.id as string;
  const president = await appoint(seat1, "Ana Paula Ferreira", "FULL_MEMBER");
  const member = await appoint(seat2, "Bruno Carvalho", "FULL_MEMBER");
  const hold = async (startsAt: string, agenda: object[]) => {
    const { meeting } = (await call(`mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id version agenda { id } } } }`, {
      i: { councilId: council.id, type: "ORDINARY", modality: "IN_PERSON", place: "Centro Administrativo", startsAt, agenda },
    }, secretary)).scheduleMeeting;
    const convened = (await call(`mutation($i: ConveneMeetingInput!) { conveneMeeting(input: $i) { meeting { version } } }`, {
      i: { meetingId: meeting.id, expectedVersion: meeting.version, convenedAt: new Date(Date.parse(startsAt) - 10 * DAY).toISOString() },
    }, secretary)).conveneMeeting.meeting;
    await call(`mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { meeting { id } } }`, {
      i: { meetingId: meeting.id, expectedVersion: convened.version, entries: [{ mandateId: president, status: "PRESENT" }, { mandateId: member, status: "PRESENT" }] },
    }, secretary);
    return meeting;
  };
  const first = await hold(at(-20), [{ kind: "DELIBERATION", title: "Requalificação das praças" }]);
  const { recordDeliberation } = await call(`mutation($i: RecordDeliberationInput!) { recordDeliberation(input: $i) { deliberation { id } } }`, {
    i: { meetingId: first.id, agendaItemId: first.agenda[0].id, text: "Aprovada a requalificação.", votesFor: 2, votesAgainst: 0, abstentions: 0, votes: [{ mandateId: president, choice: "FOR" }, { mandateId: member, choice: "FOR" }] },
  }, secretary);
  const drafted = (await call(`mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { minutes { id version } } }`, { i: { meetingId: first.id, body: texts.published } }, secretary)).draftMinutes.minutes;
  const second = await hold(at(-5), [{ kind: "APPROVAL_OF_MINUTES", title: "Aprovação da ata anterior", minutesId: drafted.id }]);
  const approved = (await call(`mutation($i: ApproveMinutesInput!) { approveMinutes(input: $i) { minutes { version } } }`, { i: { minutesId: drafted.id, expectedVersion: drafted.version, meetingId: second.id } }, secretary)).approveMinutes.minutes;
  await call(`mutation($i: PublishMinutesInput!) { publishMinutes(input: $i) { minutes { id } } }`, {
    i: { minutesId: drafted.id, expectedVersion: approved.version, gazetteEdition: 6050, gazettePages: "12-14", gazetteDate: date(-2) },
  }, secretary);
  const draft = (await call(`mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { minutes { id } } }`, { i: { meetingId: second.id, body: texts.draft } }, secretary)).draftMinutes.minutes;
  return {
    councilId: council.id,
    first,
    deliberationId: recordDeliberation.deliberation.id,
    publishedMinutesId: drafted.id,
    second,
    draftMinutesId: draft.id,
    mandates: [president, member],
  };
}
