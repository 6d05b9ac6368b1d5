// First: tracing patches node:http and pg as they load (nothing when OTEL_EXPORTER_OTLP_ENDPOINT is unset).
import "./tracing";
import "reflect-metadata";
import { runSubgraphProcess } from "@contagem/schema";
import { participation } from "./definition";

void runSubgraphProcess(participation);
