import "reflect-metadata";
import { runSubgraphProcess } from "@contagem/schema";
import { participation } from "./definition";

void runSubgraphProcess(participation);
