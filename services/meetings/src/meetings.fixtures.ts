import { civilDate } from "@contagem/schema";
import { adminToken, gql, mintToken } from "@contagem/testkit";

/**
 * Builds real council histories through the graph, as a secretary would: a term with seats and members, meetings
 * held with attendance, minutes drafted, approved at the next meeting and published. Test data, never mocks.
 */
export const NOW = Date.now();
const DAY = 86_400_000;
export const at = (offsetDays: number) => new Date(NOW + offsetDays * DAY).toISOString();
export const date = (offsetDays: number) => civilDate(new Date(NOW + offsetDays * DAY));

export class CouncilWorld {
  councilId = "";
  mandates: string[] = [];
  secretary = "";
  private offset = -300;

  constructor(
    private readonly url: string,
    readonly slug: string,
  ) {}

  async call(query: string, variables: Record<string, unknown> = {}, token = this.secretary) {
    const res = await gql(this.url, query, variables, { token });
    if (res.errors) throw new Error(`${query.slice(0, 80)}… → ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  /** The council with rules, a term of `seats` seats and a titular in each. */
  async setup(seats = 3) {
    this.secretary = await mintToken({ sub: `secretaria-${this.slug}`, roles: ["SECRETARY"], councils: [this.slug] });
    const admin = await adminToken();
    const { council } = await this.call(`query($s: String) { council(slug: $s) { id version } }`, { s: this.slug });
    this.councilId = council.id;
    await this.call(
      `mutation($i: UpdateCouncilInput!) { updateCouncil(input: $i) { council { id } } }`,
      { i: { id: council.id, expectedVersion: council.version, rules: { ordinaryNoticeDays: 7, quorumRule: "ABSOLUTE_MAJORITY" } } },
      admin,
    );
    const { openTerm } = await this.call(`mutation($i: OpenTermInput!) { openTerm(input: $i) { term { seats { id } } } }`, {
      i: {
        councilId: council.id,
        startsOn: date(-700),
        endsOn: date(300),
        seats: Array.from({ length: seats }, () => ({ sector: "CIVIL_SOCIETY" })),
      },
    });
    for (const [i, seat] of openTerm.term.seats.entries()) {
      const { appointMandate } = await this.call(`mutation($i: AppointMandateInput!) { appointMandate(input: $i) { mandate { id } } }`, {
        i: { seatId: seat.id, personName: `Conselheira ${this.slug} ${i + 1}`, role: "FULL_MEMBER", startsOn: date(-700) },
      });
      this.mandates.push(appointMandate.mandate.id);
    }
    return this;
  }

  /** A meeting two days after the previous one, scheduled and convened with notice, not yet held. */
  async convenedMeeting(agenda: { kind: string; title: string; minutesId?: string }[] = [{ kind: "DELIBERATION", title: "Pauta única" }]) {
    this.offset += 2;
    const scheduled = (
      await this.call(`mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id version agenda { id } } } }`, {
        i: { councilId: this.councilId, type: "ORDINARY", modality: "IN_PERSON", place: "Sede", startsAt: at(this.offset), agenda },
      })
    ).scheduleMeeting.meeting;
    const convened = (
      await this.call(`mutation($i: ConveneMeetingInput!) { conveneMeeting(input: $i) { meeting { version } } }`, {
        i: { meetingId: scheduled.id, expectedVersion: scheduled.version, convenedAt: at(this.offset - 10) },
      })
    ).conveneMeeting.meeting;
    return { id: scheduled.id as string, version: convened.version as number, agenda: scheduled.agenda as { id: string }[] };
  }

  /** A meeting in the past, held with every titular present. */
  async heldMeeting(agenda?: { kind: string; title: string; minutesId?: string }[]) {
    const convened = await this.convenedMeeting(agenda);
    const held = (
      await this.call(`mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { meeting { id version } } }`, {
        i: {
          meetingId: convened.id,
          expectedVersion: convened.version,
          entries: this.mandates.map((m) => ({ mandateId: m, status: "PRESENT" })),
        },
      })
    ).recordAttendance.meeting;
    return { id: held.id as string, version: held.version as number, agenda: convened.agenda };
  }

  async draft(meetingId: string, body: string) {
    return (
      await this.call(`mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { minutes { id version number year } } }`, {
        i: { meetingId, body },
      })
    ).draftMinutes.minutes as { id: string; version: number; number: number; year: number };
  }

  async approve(minutesId: string, expectedVersion: number) {
    const approving = await this.heldMeeting([{ kind: "APPROVAL_OF_MINUTES", title: "Aprovação da ata", minutesId }]);
    return (
      await this.call(`mutation($i: ApproveMinutesInput!) { approveMinutes(input: $i) { minutes { id version } } }`, {
        i: { minutesId, expectedVersion, meetingId: approving.id },
      })
    ).approveMinutes.minutes as { id: string; version: number };
  }

  async publish(minutesId: string, expectedVersion: number) {
    return (
      await this.call(`mutation($i: PublishMinutesInput!) { publishMinutes(input: $i) { minutes { id version } } }`, {
        i: { minutesId, expectedVersion, gazetteEdition: 6000, gazetteDate: date(0) },
      })
    ).publishMinutes.minutes as { id: string; version: number };
  }

  /** Minutes of a new held meeting, approved at the next one and published. */
  async publishedMinutes(body: string) {
    const meeting = await this.heldMeeting();
    const draft = await this.draft(meeting.id, body);
    const approved = await this.approve(draft.id, draft.version);
    const published = await this.publish(draft.id, approved.version);
    return { id: published.id, version: published.version, meetingId: meeting.id };
  }
}
