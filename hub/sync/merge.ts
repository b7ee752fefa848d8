/**
 * The merge rule for two versions of one visit. A visit's life-cycle only moves forward and every transition
 * appends to its history, so the version with the longer history is the newer one; at equal length (an edit
 * that is not a transition, e.g. a badge number or feedback) the later `updatedAt` wins. A tie keeps the
 * stored version, so replaying the same version changes nothing.
 */
import type { Visit } from '../../src/domain/visit.js';

export function incomingWins(incoming: Pick<Visit, 'history' | 'updatedAt'>, stored: { historyLen: number; updatedAt: string }): boolean {
  if (incoming.history.length !== stored.historyLen) return incoming.history.length > stored.historyLen;
  return Date.parse(incoming.updatedAt) > Date.parse(stored.updatedAt);
}
