export { meetings } from "./definition";
export { createServer } from "./server";
export { seedMeetingsDemo } from "./seed/demo";
export { quorumOf } from "@contagem/rules";
