import type { Scenario } from '../model';

/**
 * The start of every exported file's name, from the title: "E-commerce checkout" ->
 * "e-commerce-checkout" (accents dropped, letters and digits, runs of anything else as one dash, at most 60
 * characters). One function, so that the JSON, the pictures, the report and the configs of one
 * scenario all share it.
 */
export function fileSlug(scenario: Scenario): string {
  const slug = scenario.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: "Café" -> "cafe"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'scenario';
}

/** `fileSlug` and a suffix: ("E-commerce checkout", ".png") -> "e-commerce-checkout.png". */
export const exportFileName = (scenario: Scenario, suffix: string): string => `${fileSlug(scenario)}${suffix}`;
