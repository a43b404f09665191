import { CURRENT_VERSION, FORMAT } from '../model';
import { LESSONS } from './catalog';
import { lessonScenarios } from './scenarios';

/** Every lesson scenario as a file: name (under examples/lessons/) to text. */
export function lessonFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const lesson of LESSONS) {
    for (const s of lessonScenarios(lesson)) {
      files.set(s.fileName, `${JSON.stringify({ format: FORMAT, version: CURRENT_VERSION, scenario: s.raw }, null, 2)}\n`);
    }
  }
  return files;
}
