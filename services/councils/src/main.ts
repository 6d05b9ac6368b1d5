import "reflect-metadata";
import { runSubgraphProcess } from "@contagem/schema";
import { councils } from "./definition";

void runSubgraphProcess(councils);
