// Enforces the folder table of DESIGN.md: which folder under src/ may import which.
import path from 'node:path';

/** For each folder under src/, the folders of ours it may import (itself always allowed). */
export const ALLOWED = {
  model: [],
  sim: ['model'],
  worker: ['sim', 'model'],
  store: ['model', 'worker'],
  editor: ['store', 'model', 'ui'],
  studio: ['store', 'model', 'ui'],
  wizard: ['model', 'store', 'ui'],
  lessons: ['model'],
  share: ['model'],
  export: ['model'],
  // The CLI test suite runs the wizard's starter scenarios in the engine, and every lesson's
  // scenarios to check the claim the lesson makes (src/cli/lessons.test.ts).
  cli: ['sim', 'model', 'share', 'export', 'wizard', 'lessons'],
  ui: [],
  app: '*',
};

/** Packages a folder must never import (the engine stays pure). */
const FORBIDDEN_PACKAGES = {
  sim: [/^react/, /^zustand/, /^@xyflow\//, /^d3/],
  model: [/^react/, /^zustand/, /^@xyflow\//, /^d3/],
};

function folderOf(file, srcRoot) {
  const rel = path.relative(srcRoot, file);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0] : null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep src/ folders within the import boundaries of DESIGN.md' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const srcRoot = path.join(context.cwd, 'src');
    const from = folderOf(file, srcRoot);
    if (!from) return {};
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = folderOf(path.resolve(path.dirname(file), source), srcRoot);
        if (!target || target === from) return;
        const allowed = ALLOWED[from];
        if (allowed === '*' || (allowed && allowed.includes(target))) return;
        context.report({
          node,
          message: `src/${from} may not import src/${target} (DESIGN.md folder boundaries; allowed: ${
            allowed && allowed.length ? allowed.join(', ') : 'nothing else of ours'
          }).`,
        });
        return;
      }
      for (const pattern of FORBIDDEN_PACKAGES[from] ?? []) {
        if (pattern.test(source)) {
          context.report({ node, message: `src/${from} must stay pure: it may not import "${source}".` });
        }
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'folder-boundaries': rule } };
