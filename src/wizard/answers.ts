import { z } from 'zod';

/**
 * The wizard's answers: one strict schema, shared by the stored draft, the share link and the
 * rules engine, so nothing reads answers that bypassed it.
 */

export const LIMITS = {
  maxDevelopers: 10_000,
  maxCapabilities: 12,
  maxCapabilityName: 40,
} as const;

export const DOMAIN_LEVELS = ['unknown', 'partial', 'clear'] as const;
export const NEED_LEVELS = ['none', 'some', 'strong'] as const;
export const DEADLINES = ['relaxed', 'normal', 'tight'] as const;
export const REQUIREMENTS = ['settled', 'changing', 'unknown'] as const;
export const CONSISTENCY = ['local', 'some', 'everywhere'] as const;
export const LATENCY = ['tolerant', 'sensitive', 'critical'] as const;
export const OPS_PRACTICES = ['automatedDeploy', 'monitoring', 'tracing', 'onCall', 'provisioning'] as const;
export const MONOLITH = ['none', 'fine', 'hurting'] as const;
/** How a capability is reached: one row of the communication table each. */
export const ROLES = ['request', 'background', 'notification', 'realtime', 'replication', 'throughput'] as const;

export type DomainLevel = (typeof DOMAIN_LEVELS)[number];
export type NeedLevel = (typeof NEED_LEVELS)[number];
export type Deadline = (typeof DEADLINES)[number];
export type Requirements = (typeof REQUIREMENTS)[number];
export type Consistency = (typeof CONSISTENCY)[number];
export type Latency = (typeof LATENCY)[number];
export type OpsPractice = (typeof OPS_PRACTICES)[number];
export type MonolithState = (typeof MONOLITH)[number];
export type Role = (typeof ROLES)[number];

/** Letters, digits, spaces and - & /, starting with a letter or digit. */
export const CAPABILITY_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} &/-]*$/u;

export const capabilitySchema = z.strictObject({
  name: z
    .string({ error: 'expected a name' })
    .min(1, { error: 'expected a non-empty name' })
    .max(LIMITS.maxCapabilityName, { error: `expected at most ${LIMITS.maxCapabilityName} characters` })
    .regex(CAPABILITY_PATTERN, { error: 'expected letters, digits, spaces, - & /' }),
  role: z.enum(ROLES, { error: `expected one of ${ROLES.join(', ')}` }),
});
export type Capability = z.infer<typeof capabilitySchema>;

const whole = (max: number) =>
  z
    .number({ error: `expected a whole number from 1 to ${max}` })
    .int({ error: `expected a whole number from 1 to ${max}` })
    .min(1, { error: `expected a whole number from 1 to ${max}` })
    .max(max, { error: `expected a whole number from 1 to ${max}` });

const answerFields = {
  developers: whole(LIMITS.maxDevelopers),
  teams: whole(LIMITS.maxDevelopers),
  domain: z.enum(DOMAIN_LEVELS),
  deploy: z.enum(NEED_LEVELS),
  scaling: z.enum(NEED_LEVELS),
  deadline: z.enum(DEADLINES),
  requirements: z.enum(REQUIREMENTS),
  consistency: z.enum(CONSISTENCY),
  latency: z.enum(LATENCY),
  ops: z
    .array(z.enum(OPS_PRACTICES))
    .max(OPS_PRACTICES.length)
    .refine((list) => new Set(list).size === list.length, { error: 'expected each practice once' }),
  monolith: z.enum(MONOLITH),
  capabilities: z
    .array(capabilitySchema)
    .min(1, { error: 'expected at least one capability' })
    .max(LIMITS.maxCapabilities, { error: `expected at most ${LIMITS.maxCapabilities} capabilities` })
    .refine((list) => new Set(list.map((c) => c.name.toLowerCase())).size === list.length, {
      error: 'expected each capability name once',
    }),
};

/** A complete set of answers: what the rules engine reads. */
export const answersSchema = z
  .strictObject(answerFields)
  .refine((a) => a.teams <= a.developers, { error: 'expected no more teams than developers', path: ['teams'] });
export type Answers = z.infer<typeof answersSchema>;
export type AnswerKey = keyof Answers;

/** Answers given so far: any of them may be missing. */
export const draftSchema = z.strictObject(answerFields).partial();
export type Draft = z.infer<typeof draftSchema>;

/** The complete answers in a draft, or null while one is missing or they disagree. */
export function completeAnswers(draft: Draft): Answers | null {
  const parsed = answersSchema.safeParse(draft);
  return parsed.success ? parsed.data : null;
}

/** "a.b[2]: message" for the first few problems of a failed parse. */
export function describeIssues(error: z.ZodError, max = 3): string {
  const parts = error.issues.slice(0, max).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '';
  return parts.join('; ') + more;
}
