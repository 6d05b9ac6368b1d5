export { meetings } from "./definition";
export { createServer } from "./server";
export { seedMeetingsDemo } from "./seed/demo";
export { excerptOf, foldQuery, highlight } from "./minutes/fold";
export { quorumOf } from "./attendance/quorum";
