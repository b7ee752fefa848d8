/**
 * E-mail through the site's SMTP relay, with nodemailer. A site names its own relay in its configuration
 * (`smtp`: host, port, implicit TLS or STARTTLS, From, user, and `passwordEnv` — the NAME of the environment
 * variable holding the password); without one, the hub's relay from the environment (read at start) is used.
 * Credentials come from the environment only, so they never rest in the database or a backup of it.
 *
 *   VK_SMTP_HOST, VK_SMTP_PORT (587), VK_SMTP_SECURE (true: TLS from the first byte, usually port 465),
 *   VK_SMTP_FROM, VK_SMTP_USER, VK_SMTP_PASS
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { SiteConfig } from '../../src/domain/site.js';
import type { EmailBody } from './enqueue.js';

/** The submission port: STARTTLS when the relay offers it. */
export const DEFAULT_SMTP_PORT = 587;

export interface SmtpSettings {
  host: string;
  port: number;
  /** true: TLS from the first byte (465); false: plain, upgraded with STARTTLS when offered. */
  secure: boolean;
  from: string;
  user?: string | undefined;
  pass?: string | undefined;
  /** Relays on loopback with a self-signed certificate (tests): accept it. Never set from the environment. */
  allowSelfSigned?: boolean;
}

/** The relay from the environment, or undefined when VK_SMTP_HOST is not set (no e-mail is sent then). */
export function smtpFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpSettings | undefined {
  const host = env['VK_SMTP_HOST'];
  if (!host) return undefined;
  const port = Number(env['VK_SMTP_PORT'] ?? DEFAULT_SMTP_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) throw new RangeError('VK_SMTP_PORT must be a port number');
  const from = env['VK_SMTP_FROM'];
  if (!from) throw new RangeError('VK_SMTP_FROM is required with VK_SMTP_HOST (the sender address)');
  return { host, port, secure: env['VK_SMTP_SECURE'] === 'true', from, user: env['VK_SMTP_USER'] || undefined, pass: env['VK_SMTP_PASS'] || undefined };
}

/**
 * The relay for a site's mail: the site's own (`site.smtp`, its password read from the environment variable it
 * names) or else the hub's. A site relay whose password variable is unset is an error the delivery log shows
 * (and retries), not a silent fall back to another relay with the site's mail.
 */
export function relayFor(site: SiteConfig, fallback: SmtpSettings | undefined, env: NodeJS.ProcessEnv = process.env): SmtpSettings | { error: string } | undefined {
  const own = site.smtp;
  if (!own) return fallback;
  const pass = own.passwordEnv !== undefined ? env[own.passwordEnv] : undefined;
  if (own.passwordEnv !== undefined && !pass) return { error: `smtp password ${own.passwordEnv} not set` };
  return { host: own.host, port: own.port, secure: own.secure, from: own.from, user: own.user, pass, ...(fallback?.allowSelfSigned ? { allowSelfSigned: true } : {}) };
}

/** The outcome of one sending attempt: the relay's reply code when it gave one. */
export type SendOutcome = { ok: true; status?: number } | { ok: false; status?: number; error: string };

export class Mailer {
  private readonly transport: Transporter;

  constructor(
    private readonly settings: SmtpSettings,
    timeoutMs: number,
  ) {
    this.transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      ...(settings.user !== undefined ? { auth: { user: settings.user, pass: settings.pass ?? '' } } : {}),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      ...(settings.allowSelfSigned ? { tls: { rejectUnauthorized: false } } : {}),
    });
  }

  async send(mail: EmailBody): Promise<SendOutcome> {
    try {
      await this.transport.sendMail({ from: this.settings.from, to: mail.to, subject: mail.subject, text: mail.text, headers: { 'Content-Language': mail.locale } });
      return { ok: true, status: 250 };
    } catch (error) {
      const e = error as { responseCode?: number; code?: string; name?: string };
      // The relay's code and nodemailer's error code only: a message may quote the address or the mail.
      return { ok: false, ...(typeof e.responseCode === 'number' ? { status: e.responseCode } : {}), error: `smtp ${e.code ?? e.name ?? 'error'}${typeof e.responseCode === 'number' ? ` ${e.responseCode}` : ''}` };
    }
  }

  close(): void {
    this.transport.close();
  }
}
