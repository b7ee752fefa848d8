import type * as z from 'zod/mini';

/** A short English description of a zod issue for logs and the configuration screens (no values). */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'unrecognized_keys':
      return 'unknown key';
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return `too small (minimum ${String(issue.minimum)})`;
    case 'too_big':
      return `too big (maximum ${String(issue.maximum)})`;
    case 'invalid_union':
      return 'matches no allowed shape';
    default:
      return issue.message === 'Invalid input' ? issue.code.replace(/_/g, ' ') : issue.message;
  }
}
