import type { Target } from "../model";
import type { Random } from "../random";
import type { Draft } from "../request";

/** What a generator gets: the target it writes for, and the request's own random stream. */
export interface GenContext {
  target: Target;
  rnd: Random;
}

export type Generator = (ctx: GenContext) => Draft;
