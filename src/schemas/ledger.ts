/**
 * The ledger's wire protocol (issue 8): the bodies of `/api/v1/ledger` as the desk sends them and the hub
 * answers. zod/mini (it ships to the desk). Lengths here are generous bounds against abuse; the domain
 * (src/domain/ledger/entry.ts) applies the real limits and answers with `ledger-*` codes.
 */
import { z } from 'zod/mini';
import {
  CLOCK_KINDS,
  LEDGER_ACTIONS,
  LEDGER_CATEGORIES,
  LEDGER_CHANNELS,
  LEDGER_STATUSES,
  MAX_DESCRIPTION_LENGTH,
  MAX_HISTORY,
  MAX_NOTE_LENGTH,
  MAX_SHORT_TEXT,
  MAX_SIGNATURE_LENGTH,
  REPAIR_SIZES,
  SATISFACTION_LEVELS,
  type LedgerAction,
  type LedgerEntry,
  type NewEntryInput,
} from '../domain/ledger/index.js';

/** Most entries one list reply carries: a busy estate's year of contacts is a few thousand. */
export const MAX_LEDGER_PAGE = 2000;

// The wire accepts a little more than the domain keeps, so an over-long text reaches the domain and is refused
// with its own code (`ledger-too-long` with the field) rather than a schema path.
const slack = (max: number) => z.string().check(z.maxLength(max + 1));
const short = slack(MAX_SHORT_TEXT);
const note = slack(MAX_NOTE_LENGTH);
const iso = z.iso.datetime();

const residentSchema = z.strictObject({ kind: z.literal('resident'), unit: short, name: z.optional(short), phone: z.optional(short) });
const otherSchema = z.strictObject({ kind: z.literal('other'), name: z.optional(short), phone: z.optional(short), organisation: z.optional(short) });
const anonymousSchema = z.strictObject({ kind: z.literal('anonymous') });
const whoSchema = z.discriminatedUnion('kind', [residentSchema, otherSchema, anonymousSchema]);
/** As stored and answered: `withheld` is what a reader without the customer-service role gets of a protected complainant. */
const storedWhoSchema = z.discriminatedUnion('kind', [residentSchema, otherSchema, anonymousSchema, z.strictObject({ kind: z.literal('withheld') })]);
const aboutSchema = z.strictObject({ kind: z.enum(['department', 'person']), department: z.optional(short), person: z.optional(short) });

/** POST /api/v1/ledger — a new entry (the "log a call" form). */
export const newEntryInputSchema = z.strictObject({
  channel: z.enum(LEDGER_CHANNELS),
  who: whoSchema,
  subject: short,
  category: z.enum(LEDGER_CATEGORIES),
  description: slack(MAX_DESCRIPTION_LENGTH),
  important: z.optional(z.boolean()),
  about: z.optional(aboutSchema),
  receivedAt: z.optional(iso),
  promisedAt: z.optional(iso),
  department: z.optional(short),
  assignee: z.optional(short),
  visitId: z.optional(z.string().check(z.maxLength(64))),
});

const editChangesSchema = z.strictObject({
  who: z.optional(whoSchema),
  subject: z.optional(short),
  category: z.optional(z.enum(LEDGER_CATEGORIES)),
  description: z.optional(slack(MAX_DESCRIPTION_LENGTH)),
  important: z.optional(z.boolean()),
  about: z.optional(aboutSchema),
  channel: z.optional(z.enum(LEDGER_CHANNELS)),
});

export const ledgerActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('edit'), changes: editChangesSchema }),
  z.strictObject({ type: z.literal('assign'), department: short, assignee: z.optional(short), note: z.optional(note) }),
  z.strictObject({ type: z.literal('hand-over'), to: short, note }),
  z.strictObject({ type: z.literal('promise'), promisedAt: iso }),
  z.strictObject({ type: z.literal('reply'), text: note }),
  z.strictObject({ type: z.literal('resolve'), text: note }),
  z.strictObject({ type: z.literal('reopen'), reason: note }),
  z.strictObject({ type: z.literal('follow-up'), satisfaction: z.enum(SATISFACTION_LEVELS), reason: z.optional(note), feedback: z.optional(note) }),
  z.strictObject({ type: z.literal('feedback-handled'), followUpId: short, note }),
  z.strictObject({ type: z.literal('escalate'), note: z.optional(note) }),
  z.strictObject({ type: z.literal('decide'), text: note }),
  z.strictObject({ type: z.literal('mark-valid'), valid: z.boolean() }),
  z.strictObject({ type: z.literal('repair-order'), size: z.enum(REPAIR_SIZES), plan: note, responsibility: short, cost: z.optional(short), technician: short }),
  z.strictObject({ type: z.literal('repair-complete'), comment: z.optional(note), signature: z.optional(slack(MAX_SIGNATURE_LENGTH)) }),
]);

/** POST /api/v1/ledger/:id/actions — an action on the version the desk last read (optimistic concurrency). */
export const ledgerActionRequestSchema = z.strictObject({
  version: z.int().check(z.minimum(1)),
  action: ledgerActionSchema,
});
export type LedgerActionRequest = z.infer<typeof ledgerActionRequestSchema>;

const followUpSchema = z.strictObject({
  id: z.string(),
  dueAt: iso,
  doneAt: z.optional(iso),
  by: z.optional(z.string()),
  satisfaction: z.optional(z.enum(SATISFACTION_LEVELS)),
  reason: z.optional(z.string()),
  feedback: z.optional(z.string()),
  feedbackHandledAt: z.optional(iso),
  feedbackHandledBy: z.optional(z.string()),
  feedbackNote: z.optional(z.string()),
});

const repairSchema = z.strictObject({
  size: z.enum(REPAIR_SIZES),
  plan: z.string(),
  responsibility: z.string(),
  cost: z.optional(z.string()),
  technician: z.string(),
  orderedAt: iso,
  orderedBy: z.string(),
  dueAt: iso,
  dueKind: z.enum(CLOCK_KINDS),
  completedAt: z.optional(iso),
  residentComment: z.optional(z.string()),
  signature: z.optional(z.string()),
});

export const ledgerEntrySchema = z.strictObject({
  id: z.string(),
  siteId: z.string(),
  number: z.string(),
  channel: z.enum(LEDGER_CHANNELS),
  who: storedWhoSchema,
  subject: z.string(),
  category: z.enum(LEDGER_CATEGORIES),
  description: z.string(),
  important: z.boolean(),
  about: z.optional(aboutSchema),
  receivedAt: iso,
  createdAt: iso,
  updatedAt: iso,
  firstContactBy: z.string(),
  ownerId: z.string(),
  department: z.optional(z.string()),
  assignee: z.optional(z.string()),
  promisedAt: z.optional(iso),
  dueAt: z.optional(iso),
  dueKind: z.enum(CLOCK_KINDS),
  dueWarning: z.optional(z.enum(['calendar-data-ended', 'calendar-data-provisional'])),
  stoppedAt: z.optional(iso),
  status: z.enum(LEDGER_STATUSES),
  reply: z.optional(z.string()),
  repliedAt: z.optional(iso),
  resolution: z.optional(z.string()),
  resolvedAt: z.optional(iso),
  decision: z.optional(z.strictObject({ text: z.string(), by: z.string(), at: iso })),
  escalation: z.optional(z.strictObject({ at: iso, by: z.string(), note: z.optional(z.string()) })),
  valid: z.optional(z.boolean()),
  repair: z.optional(repairSchema),
  followUps: z.array(followUpSchema),
  visitId: z.optional(z.string()),
  history: z
    .array(
      z.strictObject({
        at: iso,
        by: z.string(),
        action: z.enum(LEDGER_ACTIONS),
        status: z.enum(LEDGER_STATUSES),
        note: z.optional(z.string()),
        target: z.optional(z.string()),
      }),
    )
    .check(z.maxLength(MAX_HISTORY + 1)),
});

/** One entry as the hub answers it: the entry (redacted for the reader's role) and its version. */
export const ledgerRecordSchema = z.strictObject({ entry: ledgerEntrySchema, version: z.int().check(z.minimum(1)) });
export type LedgerRecord = z.infer<typeof ledgerRecordSchema>;

/** GET /api/v1/ledger — the entries, and the hub's `now` (the desk runs its clocks on the hub's time). */
export const ledgerListReplySchema = z.strictObject({ now: iso, entries: z.array(ledgerRecordSchema).check(z.maxLength(MAX_LEDGER_PAGE)) });
export type LedgerListReply = z.infer<typeof ledgerListReplySchema>;

/** 409 `ledger-conflict`: another desk changed the entry first; here it is as it is now. Nothing was written. */
export const ledgerConflictReplySchema = z.strictObject({
  error: z.strictObject({ code: z.literal('ledger-conflict'), message: z.string(), path: z.optional(z.string()) }),
  current: ledgerRecordSchema,
});

// The schemas and the domain types must describe the same thing.
type Assignable<From extends To, To> = [From, To];
export type LedgerSchemasMatchDomain = [
  Assignable<z.infer<typeof ledgerEntrySchema>, LedgerEntry>,
  Assignable<LedgerEntry, z.infer<typeof ledgerEntrySchema>>,
  Assignable<z.infer<typeof newEntryInputSchema>, NewEntryInput>,
  Assignable<z.infer<typeof ledgerActionSchema>, LedgerAction>,
];
