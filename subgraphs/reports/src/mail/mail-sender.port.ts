/** One e-mail with a plain-text and an HTML part. */
export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface MailReceipt {
  messageId: string | null;
  accepted: string[];
  rejected: string[];
}

/** A send that failed; `transient` ones (a 4xx reply, a lost connection) may succeed later. */
export class MailSendError extends Error {
  override name = 'MailSendError';
  constructor(
    message: string,
    readonly transient: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Where report e-mails go: an SMTP relay, or a folder of .eml files on a developer's machine. */
export interface MailSenderPort {
  send(message: MailMessage): Promise<MailReceipt>;
  close(): void;
}
