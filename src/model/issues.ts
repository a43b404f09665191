/** A problem found in untrusted input, at a path such as `edges[3].policy.timeoutMs`. */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

export type PathPart = string | number | symbol;

/** `['edges', 3, 'policy', 'timeoutMs']` -> `edges[3].policy.timeoutMs` */
export function formatPath(parts: readonly PathPart[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const name = String(part);
      out += /^[A-Za-z_$][\w$]*$/.test(name) ? (out ? `.${name}` : name) : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}

export function issueToString(issue: Issue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

export const MAX_REPORTED_ISSUES = 50;

/** Keeps the list readable: the first issues, then a count of the rest. */
export function capIssues(issues: readonly Issue[]): Issue[] {
  if (issues.length <= MAX_REPORTED_ISSUES) return [...issues];
  return [
    ...issues.slice(0, MAX_REPORTED_ISSUES),
    { path: '', message: `... and ${issues.length - MAX_REPORTED_ISSUES} more problems` },
  ];
}
