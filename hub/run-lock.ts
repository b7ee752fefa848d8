/**
 * `${DATA_DIR}/hub.pid` while a hub serves that data directory: `npm run hub -- restore` reads it to refuse
 * replacing a database under a live process (the hub would keep writing to the replaced file's open handle,
 * and the restored records would silently lose those writes). Written by `startHub` for SQLite only; a hub
 * killed with SIGKILL leaves the file behind, so a pid that is no longer alive does not count.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const RUN_LOCK_FILE = 'hub.pid';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — alive all the same.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The pid of a live hub serving `dataDir`, if any. */
export function runningHubPid(dataDir: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, RUN_LOCK_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
}

/** Marks `dataDir` as served by this process; the returned function unmarks it (only if still ours). */
export function claimRunLock(dataDir: string): () => void {
  const file = join(dataDir, RUN_LOCK_FILE);
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}
