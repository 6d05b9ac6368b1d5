import { sanitizeSql, startTracing, tracingConfigured } from "./tracing";

describe("tracing", () => {
  it("is on only when an OTLP endpoint is configured, and starts nothing otherwise", () => {
    expect(tracingConfigured({})).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: "" })).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces" })).toBe(true);
    expect(startTracing("test", {})).toBeUndefined();
  });

  it("replaces a statement's literals by ? and keeps its placeholders, identifiers and keywords", () => {
    expect(sanitizeSql(`select "c0"."id", "c0"."2fa" from "councils_t1"."council" as "c0" where "c0"."slug" in ('maria-da-silva', E'it''s') and x = $1 limit 20`)).toBe(
      `select "c0"."id", "c0"."2fa" from "councils_t1"."council" as "c0" where "c0"."slug" in (?, ?) and x = $1 limit ?`,
    );
    expect(sanitizeSql(`select t.council_id, count(*) from "m"."meeting" t where t.council_id in (12, 13) and a::int = 1.5e3 and b = $tag$secret$tag$ and c = $$x$$ and t2.v = $2`)).toBe(
      `select t.council_id, count(*) from "m"."meeting" t where t.council_id in (?, ?) and a::int = ? and b = ? and c = ? and t2.v = $2`,
    );
    expect(sanitizeSql(`select 'a''; drop table x; --'`)).toBe("select ?");
  });
});
