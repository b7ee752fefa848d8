/** Ids the hub makes: UUIDv7 (sortable by creation, unique across hub processes and devices). */
import { randomBytes } from 'node:crypto';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../src/domain/uuid.js';

export const newId = (at: Date): string => uuidv7(at.getTime(), randomBytes(UUIDV7_RANDOM_BYTES));
