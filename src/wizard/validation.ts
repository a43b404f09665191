import { CAPABILITY_PATTERN, LIMITS, ROLES, type Capability, type Draft, type Role } from './answers';
import { QUESTIONS, keysOf, type Question } from './questions';

/** What keeps a step from being answered, per field key; empty when the step is complete. */
export function stepProblems(question: Question, draft: Draft): Partial<Record<string, string>> {
  const problems: Partial<Record<string, string>> = {};
  for (const field of question.fields) {
    switch (field.kind) {
      case 'number': {
        const value = draft[field.key];
        if (value === undefined || !Number.isInteger(value) || value < 1 || value > LIMITS.maxDevelopers) {
          problems[field.key] = `Enter a whole number from 1 to ${LIMITS.maxDevelopers}.`;
        }
        break;
      }
      case 'radio':
        if (draft[field.key] === undefined) problems[field.key] = 'Choose one answer.';
        break;
      case 'practices':
        break;
      case 'capabilities':
      case 'roles': {
        const problem = capabilitiesProblem(draft.capabilities ?? []);
        if (problem) problems[field.key] = problem;
        break;
      }
    }
  }
  const { developers, teams } = draft;
  if (!problems.teams && question.fields.some((f) => f.key === 'teams') && developers !== undefined && teams !== undefined && teams > developers) {
    problems.teams = `There cannot be more teams (${teams}) than developers (${developers}).`;
  }
  return problems;
}

/** The first question still unanswered (or answered badly), or -1 when every one is answered. */
export function firstUnanswered(draft: Draft): number {
  return QUESTIONS.findIndex((q) => keysOf(q).some((key) => draft[key] === undefined) || Object.keys(stepProblems(q, draft)).length > 0);
}

export function capabilitiesProblem(list: readonly Capability[]): string | null {
  if (list.length === 0) return 'Name at least one capability, for example: orders, payments, shipping.';
  if (list.length > LIMITS.maxCapabilities) return `Name at most ${LIMITS.maxCapabilities} capabilities; group the smaller ones.`;
  const tooLong = list.find((c) => c.name.length > LIMITS.maxCapabilityName);
  if (tooLong) return `"${tooLong.name.slice(0, 20)}..." is longer than ${LIMITS.maxCapabilityName} characters.`;
  const odd = list.find((c) => !CAPABILITY_PATTERN.test(c.name));
  if (odd) return `"${odd.name}" may contain only letters, digits, spaces and - & /.`;
  const seen = new Set<string>();
  for (const c of list) {
    const key = c.name.toLowerCase();
    if (seen.has(key)) return `"${c.name}" is listed twice.`;
    seen.add(key);
  }
  return null;
}

const GUESSES: readonly [RegExp, Role][] = [
  [/notif|email|e-mail|sms|alert|mail|push/i, 'notification'],
  [/report|analytic|search|recommend|dashboard|insight|audit/i, 'replication'],
  [/\bchat|\blive\b|\btrack|real-?time|\bstream|presence/i, 'realtime'],
  [/ingest|telemetry|\bclicks?\b|\bevents?\b|\blogs?\b|logging|metrics|sensor|\biot\b/i, 'throughput'],
  [/\bship|fulfil|deliver|export|import|batch|video|render|thumbnail/i, 'background'],
];

/** A first guess at how a capability is reached, from its name; the user confirms or changes it. */
export function guessRole(name: string): Role {
  for (const [pattern, role] of GUESSES) if (pattern.test(name)) return role;
  return 'request';
}

/** "orders, payments ,, Inventory" -> capabilities, keeping the roles already chosen by name. */
export function parseCapabilities(text: string, previous: readonly Capability[]): Capability[] {
  const roles = new Map(previous.map((c) => [c.name.toLowerCase(), c.role]));
  return text
    .split(/[,\n;]/)
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter((name) => name.length > 0)
    .map((typed) => typed.charAt(0).toUpperCase() + typed.slice(1))
    .map((name) => ({ name, role: roles.get(name.toLowerCase()) ?? guessRole(name) }));
}

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
