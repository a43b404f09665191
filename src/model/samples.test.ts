import { describe, expect, it } from 'vitest';
import { CHECKOUT_SCENARIO } from './defaultScenario';
import { restore } from './restore';
import { MAX_SAMPLE_VALUES, sampleInterval, sampleIntervalWarning } from './samples';

import type { Scenario, Settings } from './scenario';

function checkout(): Scenario {
  const restored = restore({ format: 'faultline', version: 2, scenario: CHECKOUT_SCENARIO });
  if (!restored.ok) throw new Error('the example does not restore');
  return restored.scenario;
}
const withSettings = (settings: Partial<Settings>): Scenario => ({ ...checkout(), settings: { ...checkout().settings, ...settings } });

describe('sampling that memory can hold', () => {
  it('keeps the scenario interval while the samples fit', () => {
    const s = sampleInterval(withSettings({ durationS: 600, sampleIntervalS: 1 }));
    expect(s).toMatchObject({ intervalS: 1, coarsened: false, askedSamples: 600 });
    expect(sampleIntervalWarning(withSettings({ durationS: 600, sampleIntervalS: 1 }))).toBeNull();
  });

  it('samples a day at 10 ms more coarsely, at a round interval, within the budget', () => {
    const scenario = withSettings({ durationS: 86_400, sampleIntervalS: 0.01 });
    const s = sampleInterval(scenario);
    expect(s.coarsened).toBe(true);
    expect(s.askedSamples).toBe(8_640_000);
    const perSample = 1 + scenario.nodes.length + scenario.edges.length;
    expect((86_400 / s.intervalS) * perSample).toBeLessThanOrEqual(MAX_SAMPLE_VALUES);
    expect(String(s.intervalS)).toMatch(/^[125]0*$|^0\.0*[125]$/);
    const warning = sampleIntervalWarning(scenario);
    expect(warning?.path).toBe('settings.sampleIntervalS');
    expect(warning?.message).toContain('8,640,000 samples');
    expect(warning?.message).toContain(`every ${s.intervalS} s instead`);
  });

  it('opens such a scenario with a warning at its path (nothing is refused or lost)', () => {
    const result = restore({ format: 'faultline', version: 2, scenario: withSettings({ durationS: 86_400, sampleIntervalS: 0.01 }) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => w.path)).toContain('scenario.settings.sampleIntervalS');
    expect(result.scenario.settings.sampleIntervalS).toBe(0.01);
  });

  it('warns about a fault that starts after the run ends', () => {
    const base = checkout();
    const first = base.faults[0];
    if (!first) throw new Error('the example has no fault');
    const result = restore({ format: 'faultline', version: 2, scenario: { ...base, faults: [{ ...first, startS: 5000 }] } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toContainEqual({ path: 'scenario.faults[0].startS', message: expect.stringContaining('after the run ends at 60 s') as unknown as string });
  });
});
