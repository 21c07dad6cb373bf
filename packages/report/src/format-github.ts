import { ruleDocs, type Message } from '@factcheck/core';

/** Escapes the message part of a workflow command. */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (commas and colons end properties). */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions workflow annotations, one per message, each ending with where its rule is documented. */
export function formatGithub(messages: readonly Message[]): string {
  return messages
    .map((m) => {
      const props = [`file=${escapeGithubProperty(m.file)}`];
      if (m.place) {
        props.push(`line=${m.place.start.line}`, `col=${m.place.start.column}`);
        props.push(`endLine=${m.place.end.line}`, `endColumn=${m.place.end.column}`);
      }
      props.push(`title=${escapeGithubProperty(m.claimId ? `${m.ruleId} (${m.claimId})` : m.ruleId)}`);
      const text = [m.reason, ...(m.note ? [m.note] : []), `Docs: ${ruleDocs(m.ruleId)}`].join('\n');
      return `::${COMMAND[m.severity]} ${props.join(',')}::${escapeGithubData(text)}`;
    })
    .join('\n');
}
