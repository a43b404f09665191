import { useRef } from 'react';
import { lintScenario, type LintFinding, type Scenario } from '../model';
import { useAppStore } from '../store';

/**
 * The lint findings of the open scenario. During a drag only positions change, which no rule
 * reads, so the last result is kept instead of linting every frame.
 */
export function useLint(): readonly LintFinding[] {
  const scenario = useAppStore((s) => s.scenario);
  const dragging = useAppStore((s) => s.gestureBase !== null);
  const last = useRef<{ scenario: Scenario; findings: LintFinding[] } | null>(null);
  if (!last.current || (!dragging && last.current.scenario !== scenario)) {
    last.current = { scenario, findings: lintScenario(scenario) };
  }
  return last.current.findings;
}
