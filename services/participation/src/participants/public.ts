import type { ParticipantEntity } from "./participant.entity";
import { ANONYMOUS, type PublicParticipant } from "./participant.type";
import { ADULT_AGE, ageToday } from "./participant.validation";

/** The only public face of a participant: a chosen handle (adults with a public profile), or anonymity. */
export function publicParticipant(participant: ParticipantEntity | null): PublicParticipant {
  const visible =
    !!participant?.handle &&
    participant.profilePublic &&
    !participant.erasedAt &&
    !!participant.birthDate &&
    ageToday(participant.birthDate) >= ADULT_AGE;
  return visible ? { displayName: participant!.handle!, anonymous: false } : { displayName: ANONYMOUS, anonymous: true };
}
