/**
 * The local development signing key, `${DATA_DIR}/dev-keys.json` (owner-only), made on first use. The demo site
 * created on an empty database takes it as its signing key, so what `npm run invite` and the end-to-end tests
 * sign is what the kiosk trusts. A real site gets a fresh key (`createSite` without a key). Never use the
 * development key on a real site: anyone who can read the data directory can sign with it.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSigningKey, jwkThumbprint, type GeneratedKey } from '../src/invite/index.js';
import { kidSchema, publicJwkSchema } from '../src/schemas/invite.js';

/** File of the development key inside the data directory. */
export const DEV_KEYS_FILE = 'dev-keys.json';

/** A development key file that is not ours: the caller says how to get out of it. */
export class DevKeyError extends Error {
  override readonly name = 'DevKeyError';
}

/** Reads the development key, or makes and saves one (readable by its owner only). */
export async function loadDevKey(dataDir: string): Promise<GeneratedKey> {
  const file = join(dataDir, DEV_KEYS_FILE);
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== undefined) {
    const stored = JSON.parse(text) as Partial<GeneratedKey>;
    const publicJwk = publicJwkSchema.safeParse(stored.publicJwk);
    const kid = kidSchema.safeParse(stored.kid);
    if (!publicJwk.success || !kid.success || !stored.privateJwk || !(await jwkThumbprint(publicJwk.data)).startsWith(kid.data)) {
      throw new DevKeyError(`${file} is not a development key made by this command; move it away to make a new one.`);
    }
    return { kid: kid.data, privateJwk: stored.privateJwk, publicJwk: publicJwk.data };
  }
  const key = await generateSigningKey();
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return key;
}
