/**
 * The walk-in form's raw input, apart from the rules in walk-in.ts: the kiosk's first screen needs a blank
 * form without loading the phone-number library those rules bring.
 */
import type { IdentityRecord } from './visit.js';

/** Largest party one registration may cover: beyond this a group is a tour, with its own approval. */
export const MAX_PARTY_SIZE = 50;

/** How the visitor's identity is to be established, as chosen on the form. */
export type IdentityMethod = IdentityRecord['method'];

/** The walk-in form's values exactly as typed or chosen; nothing is trusted until `validateWalkIn`. */
export interface WalkInInput {
  fullName: string;
  phone: string;
  organisation: string;
  /** As typed; empty means 1. */
  partySize: string;
  /** A visitor type code, or '' before one is chosen. */
  visitorType: string;
  /** A purpose code, or '' before one is chosen. */
  purpose: string;
  /** What the visitor typed in the host field. */
  hostQuery: string;
  /** The directory id of the suggestion the visitor picked, if any. */
  hostId?: string;
  hasAppointment: 'yes' | 'no' | '';
  identityMethod: IdentityMethod | '';
  /** `hkid` or `cn-resident` when a number is recorded, else ''. */
  idDocument: string;
  idNumber: string;
  privacyAcknowledged: boolean;
  /** Separate consent to an ID number being recorded (mainland sites, PIPL Art. 29). */
  idConsent: boolean;
}

/** A blank form: what the kiosk starts each registration with. */
export function emptyWalkIn(): WalkInInput {
  return {
    fullName: '',
    phone: '',
    organisation: '',
    partySize: '',
    visitorType: '',
    purpose: '',
    hostQuery: '',
    hasAppointment: '',
    identityMethod: 'sighted',
    idDocument: '',
    idNumber: '',
    privacyAcknowledged: false,
    idConsent: false,
  };
}

