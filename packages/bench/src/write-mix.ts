import { civilDate } from "@contagem/schema";
import { summarize, type LoadResult } from "./load";

/**
 * Scenario 5: secretaries at work, each on their own council, for `seconds`. Per meeting: schedule, convene,
 * record attendance, draft minutes; then, at that meeting, approve and publish the previous meeting's minutes.
 */
export interface Secretary {
  councilId: string;
  token: string;
  titulars: string[];
  /** First start time to use: inside the council's current term, in the past. */
  from: number;
}

const M = {
  schedule: `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id version } } }`,
  convene: `mutation($i: ConveneMeetingInput!) { conveneMeeting(input: $i) { meeting { version } } }`,
  attendance: `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { meeting { version } } }`,
  draft: `mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { minutes { id version } } }`,
  approve: `mutation($i: ApproveMinutesInput!) { approveMinutes(input: $i) { minutes { version } } }`,
  publish: `mutation($i: PublishMinutesInput!) { publishMinutes(input: $i) { minutes { version } } }`,
};

export async function writeMix(url: string, secretaries: Secretary[], seconds: number): Promise<LoadResult & { byOperation: Record<string, number> }> {
  const latencies: number[] = [];
  const byOperation: Record<string, number> = {};
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const call = async (secretary: Secretary, op: keyof typeof M, input: Record<string, unknown>) => {
    const started = performance.now();
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secretary.token}` },
      body: JSON.stringify({ query: M[op], variables: { i: input } }),
    });
    const body = (await res.json()) as { data?: Record<string, Record<string, Record<string, unknown>>>; errors?: unknown };
    latencies.push(performance.now() - started);
    byOperation[op] = (byOperation[op] ?? 0) + 1;
    if (body.errors || !res.ok) {
      errors++;
      throw new Error(`${op}: ${JSON.stringify(body.errors)}`);
    }
    return Object.values(Object.values(body.data!)[0])[0];
  };
  await Promise.all(
    secretaries.map(async (secretary) => {
      let previous: { minutesId: string; version: number } | null = null;
      for (let k = 0; Date.now() < deadline; k++) {
        try {
          const startsAt = new Date(secretary.from + k * 600_000);
          const meeting = await call(secretary, "schedule", {
            councilId: secretary.councilId, type: "ORDINARY", modality: "IN_PERSON", place: "Sala de reuniões", startsAt: startsAt.toISOString(),
            agenda: [
              { kind: "APPROVAL_OF_MINUTES", title: "Aprovação da ata anterior", minutesId: previous?.minutesId },
              { kind: "DELIBERATION", title: "Pauta do benchmark" },
            ],
          });
          const convened = await call(secretary, "convene", { meetingId: meeting.id, expectedVersion: meeting.version, convenedAt: new Date(startsAt.getTime() - 10 * 86_400_000).toISOString() });
          await call(secretary, "attendance", { meetingId: meeting.id, expectedVersion: convened.version, entries: secretary.titulars.map((id) => ({ mandateId: id, status: "PRESENT" })) });
          const minutes = await call(secretary, "draft", { meetingId: meeting.id, body: `Ata da reunião de benchmark ${k}: deliberações sobre as praças.` });
          if (previous) {
            const approved = await call(secretary, "approve", { minutesId: previous.minutesId, expectedVersion: previous.version, meetingId: meeting.id });
            await call(secretary, "publish", { minutesId: previous.minutesId, expectedVersion: approved.version, gazetteEdition: 7000 + k, gazetteDate: civilDate(startsAt) });
          }
          previous = { minutesId: minutes.id as string, version: minutes.version as number };
        } catch {
          previous = null;
        }
      }
    }),
  );
  return { ...summarize(latencies, seconds, errors), byOperation };
}
