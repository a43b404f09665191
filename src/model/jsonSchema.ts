import { z } from 'zod';
import { CURRENT_VERSION } from './migrations';
import { FORMAT } from './restore';
import { scenarioSchema } from './scenario';

/**
 * The scenario file format as JSON Schema (draft 2020-12), generated from the zod schema so it
 * cannot drift: editors use it for completion and validation of hand-written files.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const scenario = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...body } = scenario;
  return {
    $schema,
    $id: 'https://faultline.invalid/scenario.schema.json',
    title: 'Faultline scenario file',
    description: `A Faultline scenario in its versioned envelope (format "${FORMAT}", version ${CURRENT_VERSION}). Omitted fields take their defaults.`,
    type: 'object',
    required: ['format', 'version', 'scenario'],
    additionalProperties: false,
    properties: {
      format: { const: FORMAT },
      version: { type: 'integer', minimum: 1, maximum: CURRENT_VERSION },
      scenario: body,
    },
  };
}
