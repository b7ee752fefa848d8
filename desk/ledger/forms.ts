/**
 * The ledger panel's forms as data: what the "log a call" form and the action forms hold, turned into the
 * domain's input. Pure, so the mapping is tested without a browser form.
 */
import { LEDGER_CATEGORIES, LEDGER_CHANNELS, REPAIR_SIZES, SATISFACTION_LEVELS, type LedgerAction, type LedgerCategory, type LedgerChannel, type NewEntryInput, type RepairSize, type Satisfaction } from '../../src/domain/ledger/index.js';
import { localInstant } from '../planning/local-time.js';

/** Reads a text field of a form's data ('' when absent). */
const text = (data: FormData, name: string): string => {
  const v = data.get(name);
  return typeof v === 'string' ? v.trim() : '';
};
const optional = (value: string): string | undefined => (value === '' ? undefined : value);
const oneOf = <T extends string>(list: readonly T[], value: string, fallback: T): T => ((list as readonly string[]).includes(value) ? (value as T) : fallback);

/** The "log a call" form → a new entry. The caller's details follow the caller kind; a complaint's target only for complaints. */
export function newEntryFrom(data: FormData): NewEntryInput {
  const channel: LedgerChannel = oneOf(LEDGER_CHANNELS, text(data, 'channel'), 'call');
  const category: LedgerCategory = oneOf(LEDGER_CATEGORIES, text(data, 'category'), 'consultation');
  const kind = text(data, 'who');
  const name = optional(text(data, 'name'));
  const phone = optional(text(data, 'phone'));
  const who: NewEntryInput['who'] =
    kind === 'anonymous'
      ? { kind: 'anonymous' }
      : kind === 'other'
        ? { kind: 'other', ...(name ? { name } : {}), ...(phone ? { phone } : {}) }
        : { kind: 'resident', unit: text(data, 'unit'), ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
  const aboutDepartment = optional(text(data, 'aboutDepartment'));
  const aboutPerson = optional(text(data, 'aboutPerson'));
  const department = optional(text(data, 'department'));
  const assignee = optional(text(data, 'assignee'));
  return {
    channel,
    who,
    subject: text(data, 'subject'),
    category,
    description: text(data, 'description'),
    important: data.get('important') === 'on',
    ...(category === 'complaint' && (aboutDepartment || aboutPerson)
      ? { about: { kind: aboutPerson ? 'person' : 'department', ...(aboutDepartment ? { department: aboutDepartment } : {}), ...(aboutPerson ? { person: aboutPerson } : {}) } }
      : {}),
    ...(department ? { department } : {}),
    ...(assignee ? { assignee } : {}),
  };
}

/** The action forms of one entry → the action their submit button names (`timeZone` reads a promised date and time). */
export function actionFrom(type: LedgerAction['type'], data: FormData, timeZone = 'UTC'): LedgerAction | undefined {
  switch (type) {
    case 'assign': {
      const assignee = optional(text(data, 'assignee'));
      return { type, department: text(data, 'department'), ...(assignee ? { assignee } : {}) };
    }
    case 'hand-over':
      return { type, to: text(data, 'to'), note: text(data, 'note') };
    case 'reply':
    case 'resolve':
    case 'decide':
      return { type, text: text(data, 'text') };
    case 'reopen':
      return { type, reason: text(data, 'reason') };
    case 'follow-up': {
      const satisfaction: Satisfaction = oneOf(SATISFACTION_LEVELS, text(data, 'satisfaction'), 'satisfied');
      const reason = optional(text(data, 'reason'));
      const feedback = optional(text(data, 'feedback'));
      return { type, satisfaction, ...(reason ? { reason } : {}), ...(feedback ? { feedback } : {}) };
    }
    case 'escalate': {
      const note = optional(text(data, 'note'));
      return { type, ...(note ? { note } : {}) };
    }
    case 'feedback-handled':
      return { type, followUpId: text(data, 'followUpId'), note: text(data, 'note') };
    case 'promise': {
      const at = localInstant(text(data, 'day'), text(data, 'time'), timeZone);
      return at ? { type, promisedAt: at.toISOString() } : undefined;
    }
    case 'mark-valid':
      return { type, valid: text(data, 'valid') === 'valid' };
    case 'repair-order': {
      const size: RepairSize = oneOf(REPAIR_SIZES, text(data, 'size'), 'small');
      const cost = optional(text(data, 'cost'));
      return { type, size, plan: text(data, 'plan'), responsibility: text(data, 'responsibility'), technician: text(data, 'technician'), ...(cost ? { cost } : {}) };
    }
    case 'repair-complete': {
      const comment = optional(text(data, 'comment'));
      return { type, ...(comment ? { comment } : {}) };
    }
    default:
      return undefined;
  }
}
