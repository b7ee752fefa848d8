/**
 * The kiosk's screens and the moves between them, as data: the root element asks `nextScreen` where an
 * action leads instead of scattering `if`s through its handlers.
 */
export { emptyWalkIn as blankWalkIn } from '../src/domain/walk-in-input.js';

export type Screen = 'welcome' | 'form' | 'review' | 'outcome' | 'scan' | 'check-out' | 'confirm' | 'refused' | 'feedback' | 'delivery';
export type Action = 'check-in' | 'scan' | 'check-out' | 'back' | 'next' | 'edit' | 'done' | 'accepted' | 'refused' | 'delivery';

const MOVES: Record<Screen, Partial<Record<Action, Screen>>> = {
  welcome: { 'check-in': 'form', scan: 'scan', 'check-out': 'check-out', delivery: 'delivery' },
  form: { back: 'welcome', next: 'review' },
  review: { edit: 'form', next: 'outcome' },
  outcome: { done: 'welcome' },
  scan: { back: 'welcome', 'check-in': 'form', accepted: 'confirm', refused: 'refused' },
  confirm: { back: 'scan', next: 'outcome', refused: 'refused' },
  refused: { back: 'welcome', 'check-in': 'form' },
  'check-out': { back: 'welcome', 'check-in': 'form', accepted: 'feedback', refused: 'refused' },
  feedback: { next: 'outcome', done: 'outcome' },
  // The courier and food-delivery lane (kiosk/delivery/): a lobby record, not a visit.
  delivery: { back: 'welcome', done: 'welcome' },
};

/** Where `action` leads from `screen`; an action that means nothing there keeps the screen. */
export function nextScreen(screen: Screen, action: Action): Screen {
  return MOVES[screen][action] ?? screen;
}
