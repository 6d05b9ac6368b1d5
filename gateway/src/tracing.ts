import { startTracing } from "@contagem/common";

startTracing("contagem-gateway");
