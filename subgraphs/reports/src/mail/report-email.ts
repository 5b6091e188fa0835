import MarkdownIt from 'markdown-it';
import type { ReportEntity } from '../entities/report.entity.js';
import type { MailMessage } from './mail-sender.port.js';

// Raw HTML in the Markdown stays text: transcript words must never become markup in someone's inbox.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const TITLES: Record<string, string> = {
  SUMMARY: 'Meeting summary',
  PROTOCOL: 'Meeting minutes',
  ACTION_ITEMS: 'Action items',
};

/** The report as an e-mail: the Markdown itself as the plain-text part, rendered as the HTML part. */
export function reportEmail(report: ReportEntity, to: string[]): MailMessage {
  const body = report.markdown ?? '';
  const day = (report.completedAt ?? report.createdAt).toISOString().slice(0, 10);
  const subject = `${TITLES[report.template] ?? 'Meeting report'} (${day}, version ${report.version})`;
  const html = [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: -apple-system, Segoe UI, Roboto, sans-serif; line-height: 1.5; max-width: 48em">',
    markdown.render(body),
    '</body></html>',
  ].join('\n');
  return { to, subject, text: body, html };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
