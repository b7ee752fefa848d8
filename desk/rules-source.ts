/**
 * Where the desk's rules come from: the presets for the site's kind (`defaultRulesFor`), or the site's own
 * rules file (`rules-src`), validated with `parseRulesConfig`. A file that does not parse is refused with the
 * exact path of its first error, and the rules in force stay: the last good file (kept on the device, so a
 * reload or a dead network keeps them too), or the presets if there never was one.
 */
import { defaultRulesFor, type RulesConfig } from '../src/domain/rules/index.js';
import type { SiteConfig } from '../src/domain/site.js';
import { parseRulesConfig } from '../src/schemas/rules.js';
import { lastRules, saveLastRules } from '../src/storage/desk-rules.js';

/** Why the file in `src` is not in force. */
export type RulesProblem =
  /** It parsed as JSON but not as rules: `path` is the dotted path of the first error (e.g. `routing.office.C.first.0`). */
  | { kind: 'refused'; src: string; path: string; message: string }
  /** It could not be fetched, or is not JSON. */
  | { kind: 'unreadable'; src: string };

/** The rules in force and where they came from. */
export interface RulesInForce {
  rules: RulesConfig;
  /** `preset`, or the address of the file they came from. */
  source: 'preset' | string;
  /** The last attempt to read `src` failed: what staff are told. */
  problem?: RulesProblem;
}

export interface LoadRulesOptions {
  /** The site's rules file; empty: the presets. */
  src: string;
  site: Pick<SiteConfig, 'id' | 'kind'>;
  dbName: string;
  now: Date;
  /** The rules this page has in force now, kept when the file is refused. */
  current?: RulesInForce;
}

/** Same rules, same object: the desk re-classifies the day only when the rules really changed. */
const sameRules = (a: RulesConfig, b: RulesConfig): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The rules to use for `site` given `src`. Never rejects: a network, JSON, schema or storage failure leaves
 * the previous rules in force (this page's, else the device's last good file for the site, else the presets)
 * and says why in `problem`.
 */
export async function loadSiteRules(options: LoadRulesOptions): Promise<RulesInForce> {
  const { src, site, dbName, now, current } = options;
  const presets = defaultRulesFor(site.kind);
  if (!src) return { rules: presets, source: 'preset' };

  let previous: RulesInForce = current && current.source === src ? { rules: current.rules, source: current.source } : { rules: presets, source: 'preset' };
  if (previous.source === 'preset') {
    const kept = await lastRules(site.id, dbName).catch(() => undefined);
    if (kept && kept.source === src) previous = { rules: kept.rules, source: kept.source };
  }

  let body: unknown;
  try {
    const response = await fetch(src, { credentials: 'same-origin', cache: 'no-cache' });
    if (!response.ok) return { ...previous, problem: { kind: 'unreadable', src } };
    body = await response.json();
  } catch {
    return { ...previous, problem: { kind: 'unreadable', src } };
  }
  const parsed = parseRulesConfig(body);
  if (!parsed.ok) {
    const details = parsed.details ?? {};
    return { ...previous, problem: { kind: 'refused', src, path: String(details['path'] ?? ''), message: String(details['message'] ?? '') } };
  }
  const rules = previous.source === src && sameRules(previous.rules, parsed.value) ? previous.rules : parsed.value;
  // Kept for the next start, offline or with a broken file; failing to keep them does not refuse them.
  await saveLastRules(site.id, rules, src, now, dbName).catch(() => undefined);
  return { rules, source: src };
}
