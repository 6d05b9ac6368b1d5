import { batchOptions, type RequestContext } from "@contagem/schema";
import DataLoader from "dataloader";
import type { MandateAttendance } from "./mandate-record.type";

/** Attendance records of many mandates in one statement: counts by status, and sittings in for others. */
export const attendanceByMandate = (ctx: RequestContext) =>
  new DataLoader<number, MandateAttendance>(async (ids) => {
    const schema = `"${ctx.em.config.get("schema")}"`;
    const rows = await ctx.em.execute<{ mandate_id: number; status: string; n: string }[]>(
      `select a.mandate_id, a.status, count(*) as n from ${schema}.attendance a where a.mandate_id in (${ids.map(() => "?").join(", ")}) group by 1, 2
       union all
       select a.substitute_mandate_id, 'SAT_IN_FOR', count(*) from ${schema}.attendance a where a.substitute_mandate_id in (${ids.map(() => "?").join(", ")}) group by 1`,
      [...ids, ...ids],
    );
    const records = new Map(ids.map((id) => [id, { recorded: 0, present: 0, absent: 0, justified: 0, substituted: 0, satInFor: 0, rate: null as number | null }]));
    for (const row of rows) {
      const record = records.get(Number(row.mandate_id));
      if (!record) continue;
      const n = Number(row.n);
      if (row.status === "SAT_IN_FOR") record.satInFor += n;
      else {
        record.recorded += n;
        if (row.status === "PRESENT") record.present += n;
        if (row.status === "ABSENT") record.absent += n;
        if (row.status === "JUSTIFIED") record.justified += n;
        if (row.status === "SUBSTITUTED") record.substituted += n;
      }
    }
    for (const record of records.values()) record.rate = record.recorded ? Math.round((record.present / record.recorded) * 1000) / 1000 : null;
    return ids.map((id) => records.get(id)!);
  }, batchOptions);
