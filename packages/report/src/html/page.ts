import type { PageKind } from './rows.js';
import { html, raw, type SafeHtml } from './safe-html.js';

/** The report's pages may load only its own stylesheet and script, and no other content at all. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

export const STYLESHEET_FILE = 'report.css';
export const SCRIPT_FILE = 'report.js';
/** The rows of index.html's claims table, as a script that sets a global (see ClaimRow). */
export const CLAIMS_SCRIPT_FILE = 'claims.js';

export interface PageInit {
  /** Untrusted text allowed: it is escaped. */
  title: string;
  /** Which part of report.js runs. */
  kind: PageKind;
  /** Path from the page to the report root. */
  root: '' | '../';
  body: SafeHtml;
  /** A data script of the report (at its root) to load before report.js. */
  data?: typeof CLAIMS_SCRIPT_FILE;
}

// A constant with no character that needs escaping in a double-quoted attribute (its quotes are
// single), written as it is so that the page states the policy word for word.
const CSP_ATTRIBUTE = raw(CONTENT_SECURITY_POLICY);

export function renderPage(page: PageInit): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP_ATTRIBUTE}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="factcheck">
<meta name="color-scheme" content="light dark">
<title>${page.title}</title>
<link rel="stylesheet" href="${page.root}${STYLESHEET_FILE}">
${page.data ? html`<script src="${page.root}${page.data}" defer></script>
` : ''}<script src="${page.root}${SCRIPT_FILE}" defer></script>
</head>
<body data-page="${page.kind}">
<a class="skip" href="#main">Skip to content</a>
${page.body}
</body>
</html>
`.toString();
}

/** Formats a date for the footer, in UTC so that the same run reads the same everywhere. */
export function formatGenerated(now: Date): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

// One formatter for every count: toLocaleString would build a new one per call.
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}
