import { startTracing } from "@contagem/common";

startTracing("contagem-meetings");
