import { startTracing } from "@contagem/common";

// The public edge: a client's traceparent is not honoured (see TracingOptions).
startTracing("contagem-gateway", process.env, { publicEdge: true });
