/**
 * Issuing invitations, group invitations and passes with the site's current signing key (whose private half
 * lives only in the hub's database), and revoking them. The hub records each token's id, kind and allowed
 * uses, so a single-use invitation admitted at two kiosks is caught (hub/sync/push.ts), and revocations reach
 * kiosks through pull. A group's name list stays here for the desk: a token carries no personal data.
 */
import QRCode from 'qrcode';
import { KioskError } from '../src/domain/errors.js';
import { signInvitation, signPass } from '../src/invite/index.js';
import { randomId } from '../src/invite/keys.js';
import type { IssueInvitationReply, IssueInvitationRequest } from '../src/schemas/sync.js';
import type { HubStore } from './db/index.js';
import { HubError } from './errors.js';

/** Issuer id in tokens the hub signs (the development command signs as `dev`). */
export const HUB_ISSUER = 'hub';
/** Default validity of an invitation: the rest of today and tomorrow morning, whenever it is made. */
export const DEFAULT_INVITATION_HOURS = 24;
/** Default validity of a pass: a month, the usual renewal of a helper's or a renovation crew's pass. */
export const DEFAULT_PASS_HOURS = 30 * 24;

export interface IssuedToken extends IssueInvitationReply {
  /** When the token stops admitting (ISO-8601). */
  expiresAt: string;
}

/**
 * Signs and records a token. `origin` is the hub's public origin for the link a host can forward: the
 * visitor's invitation page with the code in the fragment (`/invitation#…`, kiosk/invitation-page.ts), which never reaches a server's logs.
 */
export async function issueInvitation(store: HubStore, siteId: string, request: IssueInvitationRequest, now: Date, origin: string): Promise<IssuedToken> {
  const isPass = request.kind === 'pass';
  const key = await store.read(async (repo) => {
    if (!(await repo.site(siteId))) throw new HubError(404, 'not-found', 'no such site');
    return (await repo.signingKeys(siteId)).find((k) => k.status === 'current');
  });
  if (!key) throw new HubError(409, 'bad-request', 'the site has no current signing key');
  const from = request.from !== undefined ? new Date(request.from) : now;
  const until = new Date(from.getTime() + (request.hours ?? (isPass ? DEFAULT_PASS_HOURS : DEFAULT_INVITATION_HOURS)) * 3_600_000);
  const jti = randomId();
  const common = {
    issuer: HUB_ISSUER,
    site: siteId,
    host: request.host,
    visitorType: request.visitorType ?? (isPass ? 'domestic-helper' : 'visiting-resident'),
    from,
    until,
    id: jti,
    ...(request.partySize !== undefined ? { partySize: request.partySize } : {}),
  } as const;
  let token: string;
  try {
    token = isPass
      ? await signPass(
          {
            ...common,
            ...(request.weekdays ? { weekdays: request.weekdays } : {}),
            ...(request.between ? { hours: request.between } : {}),
            ...(request.uses !== undefined ? { uses: request.uses } : {}),
            ...(request.permit !== undefined ? { permit: request.permit } : {}),
          },
          { kid: key.kid, privateJwk: key.privateJwk },
        )
      : await signInvitation(common, { kid: key.kid, privateJwk: key.privateJwk });
  } catch (error) {
    if (error instanceof KioskError) throw new HubError(400, 'bad-request', `cannot sign: ${error.code}`, String(error.details['path'] ?? ''));
    throw error;
  }
  const usesAllowed = isPass ? request.uses : (request.uses ?? 1);
  await store.write(async (repo) => {
    await repo.insertInvitation(
      {
        jti,
        siteId,
        kind: isPass ? 'pass' : 'invitation',
        host: request.host,
        visitorType: common.visitorType,
        partySize: request.partySize ?? 1,
        ...(request.names ? { names: request.names } : {}),
        ...(usesAllowed !== undefined ? { usesAllowed } : {}),
        uses: 0,
        expiresAt: until.toISOString(),
      },
      now.toISOString(),
    );
  });
  const qrSvg = await QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return { kind: isPass ? 'pass' : 'invitation', token, jti, link: `${origin}/invitation#${token}`, qrSvg, expiresAt: until.toISOString() };
}

/** Revokes a token the hub issued; kiosks learn it at their next pull. False when unknown or already revoked. */
export async function revokeInvitation(store: HubStore, siteId: string, jti: string, now: Date): Promise<boolean> {
  return store.write(async (repo) => {
    if (!(await repo.revokeInvitation(siteId, jti, now.toISOString()))) return false;
    await repo.emit(siteId, 'revocation', { jti }, now.toISOString());
    return true;
  });
}
