/**
 * OpenTelemetry traces, exported by OTLP/HTTP (JSON) when `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set; unset, nothing is loaded and nothing is patched (no overhead).
 *
 * Each process's entry point imports its `tracing` module first, before `node:http` or `pg` are loaded: the
 * instrumentations patch modules as they are required. Spans: the HTTP server and client requests (W3C
 * `traceparent` propagated gateway → subgraphs, so one trace spans the federated request), the gateway's fetches to
 * the subgraphs (undici), and every SQL statement (pg). No personal data: the pg instrumentation records the
 * statement's text only (its bound values are never recorded), no headers are captured, and query strings (a GET
 * request's variables) are cut from every URL attribute before a span ends, and a server span keeps nothing of its
 * client (address, user agent). The gateway, the public edge, ignores a client's `traceparent`.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the SDK loads only when configured: an unset endpoint costs nothing */
import type { Env } from "./config";

export interface Tracing {
  /** Exports what is buffered and stops (call before the process exits). */
  shutdown(): Promise<void>;
}

const URL_ATTRIBUTES = ["http.url", "http.target", "url.full", "http.route"];
const SQL_ATTRIBUTES = ["db.statement", "db.query.text"];
const DROPPED_ATTRIBUTES = ["url.query", "db.query.parameter", "db.statement.parameters"];
/**
 * What a server span says of its client, under the stable and the old conventions: its address (`client.address` is
 * even read from `X-Forwarded-For`) is personal data under the LGPD, and its user agent is text the client chose.
 */
const CLIENT_ATTRIBUTES = [
  "client.address",
  "client.port",
  "network.peer.address",
  "network.peer.port",
  "net.peer.ip",
  "net.peer.port",
  "net.sock.peer.addr",
  "net.sock.peer.port",
  "http.client_ip",
  "user_agent.original",
  "http.user_agent",
];

export interface TracingOptions {
  /**
   * The process is the public edge (the gateway): a client's `traceparent` is not honoured, so that every request
   * starts its own trace. Honoured, a client would choose the trace its request joins, or turn tracing off for its
   * requests (flags `00`, "not sampled"). The process still sends `traceparent` to the subgraphs it asks.
   */
  publicEdge?: boolean;
}

/** Whether OTLP export is configured in `env`. */
export function tracingConfigured(env: Env = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

let started: Tracing | undefined;

/**
 * Starts tracing for this process when configured; `service` names it unless `OTEL_SERVICE_NAME` does. Idempotent.
 * Returns undefined when not configured.
 */
export function startTracing(service: string, env: Env = process.env, options: TracingOptions = {}): Tracing | undefined {
  if (started || !tracingConfigured(env)) return started;
  const api = require("@opentelemetry/api") as typeof import("@opentelemetry/api");
  const { AsyncLocalStorageContextManager } = require("@opentelemetry/context-async-hooks") as typeof import("@opentelemetry/context-async-hooks");
  const { W3CTraceContextPropagator } = require("@opentelemetry/core") as typeof import("@opentelemetry/core");
  const { resourceFromAttributes } = require("@opentelemetry/resources") as typeof import("@opentelemetry/resources");
  const { TracerProvider, BatchSpanProcessor } = require("@opentelemetry/sdk-trace") as typeof import("@opentelemetry/sdk-trace");
  const { OTLPTraceExporter } = require("@opentelemetry/exporter-trace-otlp-http") as typeof import("@opentelemetry/exporter-trace-otlp-http");
  const { registerInstrumentations } = require("@opentelemetry/instrumentation") as typeof import("@opentelemetry/instrumentation");
  const { HttpInstrumentation } = require("@opentelemetry/instrumentation-http") as typeof import("@opentelemetry/instrumentation-http");
  const { UndiciInstrumentation } = require("@opentelemetry/instrumentation-undici") as typeof import("@opentelemetry/instrumentation-undici");
  const { PgInstrumentation } = require("@opentelemetry/instrumentation-pg") as typeof import("@opentelemetry/instrumentation-pg");

  const redact: import("@opentelemetry/sdk-trace").SpanProcessor = {
    onStart: () => undefined,
    // Before the span ends, while its attributes can still change: no query string leaves the process.
    onEnding(span) {
      const attributes = span.attributes;
      if (span.kind === api.SpanKind.SERVER) for (const key of CLIENT_ATTRIBUTES) delete (attributes as Record<string, unknown>)[key];
      for (const key of URL_ATTRIBUTES) {
        const value = attributes[key];
        if (typeof value === "string" && value.includes("?")) span.setAttribute(key, value.slice(0, value.indexOf("?")));
      }
      for (const key of SQL_ATTRIBUTES) {
        const value = attributes[key];
        if (typeof value === "string") span.setAttribute(key, sanitizeSql(value));
      }
      for (const key of Object.keys(attributes)) {
        if (DROPPED_ATTRIBUTES.some((dropped) => key === dropped || key.startsWith(`${dropped}.`))) delete (attributes as Record<string, unknown>)[key];
      }
    },
    onEnd: () => undefined,
    forceFlush: async () => undefined,
    shutdown: async () => undefined,
  };
  // The exporter reads the standard OTEL_EXPORTER_OTLP_* variables (endpoint, headers, timeout) itself.
  const batch = new BatchSpanProcessor({ exporter: new OTLPTraceExporter(), scheduledDelayMillis: readDelay(env.OTEL_BSP_SCHEDULE_DELAY) });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": env.OTEL_SERVICE_NAME || service }),
    spanProcessors: [redact, batch],
  });
  api.context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const w3c = new W3CTraceContextPropagator();
  api.propagation.setGlobalPropagator(
    options.publicEdge
      ? { inject: (context, carrier, setter) => w3c.inject(context, carrier, setter), extract: (context) => context, fields: () => w3c.fields() }
      : w3c,
  );
  api.trace.setGlobalTracerProvider(provider);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes are not requests anyone traces.
        ignoreIncomingRequestHook: (req) => /^\/(healthz|readyz|metrics)(\?|$)/.test(req.url ?? ""),
      }),
      new UndiciInstrumentation(),
      // The statement's text with its placeholders ($1, …); never the bound values (enhancedDatabaseReporting off).
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  // node:http may have loaded before (this module's own package loads it): requiring it again has it patched now.
  require("node:http");
  require("http");
  started = { shutdown: () => provider.shutdown() };
  return started;
}

/**
 * A statement's text with its literals replaced by `?`, as OpenTelemetry's database conventions recommend: the ORM
 * inlines some values (`where slug in ('…')`), which may be a request's input. String literals (with their `E`
 * prefix and doubled quotes), dollar-quoted strings and numbers go; placeholders (`$1`), identifiers (quoted or not)
 * and keywords stay.
 */
export function sanitizeSql(sql: string): string {
  return sql.replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$|(?<![\w$])[Ee]?'(?:[^']|'')*'|"(?:[^"]|"")*"|(?<![\w$.])\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w$])/g, (match) =>
    match.startsWith('"') ? match : "?",
  );
}

/** OTEL_BSP_SCHEDULE_DELAY: milliseconds between two exports of the batch (5,000 by default, as the specification says). */
function readDelay(value: string | undefined): number {
  const delay = Number(value);
  return value && Number.isInteger(delay) && delay > 0 ? delay : 5000;
}

/** Exports the spans still buffered and stops tracing; nothing when tracing was not started. */
export async function stopTracing(): Promise<void> {
  await started?.shutdown().catch(() => undefined);
}
