import "reflect-metadata";
import { runSubgraphProcess } from "@contagem/schema";
import { meetings } from "./definition";

void runSubgraphProcess(meetings);
