import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailConfig } from '../config.js';
import {
  MailSendError,
  type MailMessage,
  type MailReceipt,
  type MailSenderPort,
} from './mail-sender.port.js';

/** Connection-level failures worth another try later; authentication and syntax errors are not. */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPROTOCOL',
]);

/** Sends through SMTP (`SMTP_URL`) with nodemailer, bounded by timeouts at every step. */
export class SmtpMailSender implements MailSenderPort {
  private readonly transport: Transporter;

  constructor(private readonly config: Pick<MailConfig, 'from' | 'timeoutMs'> & { smtpUrl: string }) {
    this.transport = nodemailer.createTransport({
      url: config.smtpUrl,
      connectionTimeout: config.timeoutMs,
      greetingTimeout: config.timeoutMs,
      socketTimeout: config.timeoutMs,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async send(message: MailMessage): Promise<MailReceipt> {
    try {
      const info = await this.transport.sendMail({ from: this.config.from, ...message });
      return {
        messageId: info.messageId ?? null,
        accepted: (info.accepted ?? []).map(addressOf),
        rejected: (info.rejected ?? []).map(addressOf),
      };
    } catch (error) {
      throw toMailError(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * Development without an SMTP server: each message is rendered exactly as it would be sent and
 * written to a folder as `<message-id>.eml`, to open in any mail client.
 */
export class FileMailSender implements MailSenderPort {
  private readonly transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });

  constructor(private readonly config: { from: string; directory: string }) {}

  async send(message: MailMessage): Promise<MailReceipt> {
    const info = await this.transport.sendMail({ from: this.config.from, ...message });
    await mkdir(this.config.directory, { recursive: true });
    const name = (info.messageId ?? `${Date.now()}`).replace(/[^A-Za-z0-9._-]/g, '');
    await writeFile(join(this.config.directory, `${name}.eml`), info.message as Buffer);
    return { messageId: info.messageId ?? null, accepted: [...message.to], rejected: [] };
  }

  close(): void {
    this.transport.close();
  }
}

function addressOf(entry: string | { address: string }): string {
  return typeof entry === 'string' ? entry : entry.address;
}

function toMailError(error: unknown): MailSendError {
  const failure = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const reply = failure.responseCode;
  const transient =
    reply !== undefined ? reply >= 400 && reply < 500 : TRANSIENT_CODES.has(failure.code ?? '');
  const detail = failure.response ?? failure.message ?? String(error);
  return new MailSendError(`${reply ? `SMTP ${reply}: ` : ''}${detail}`.slice(0, 500), transient, {
    cause: error,
  });
}

/** The sender the config names: SMTP, a folder, or none (sendReport then refuses). */
export function createMailSender(config: MailConfig): MailSenderPort | null {
  if (config.smtpUrl) return new SmtpMailSender({ ...config, smtpUrl: config.smtpUrl });
  if (config.directory) return new FileMailSender({ from: config.from, directory: config.directory });
  return null;
}
