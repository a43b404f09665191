import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueToString, restore, toEnvelope, type RestoreResult, type Scenario } from '../../model';
import { importMermaid } from './mermaidImport';
import { MERMAID_LIMITS } from './mermaidParse';

function ok(text: string): Scenario & { warnings: string[] } {
  const result = importMermaid(text);
  if (!result.ok) throw new Error(result.errors.map(issueToString).join('; '));
  return { ...result.scenario, warnings: result.warnings.map(issueToString) };
}
function error(text: string): string {
  const result = importMermaid(text);
  if (result.ok) throw new Error('expected an error');
  return result.errors.map(issueToString).join('; ');
}
const edges = (s: Scenario) => s.edges.map((e) => `${e.from} ${e.kind === 'async' ? '~>' : '->'} ${e.to}`);
const kinds = (s: Scenario) => Object.fromEntries(s.nodes.map((n) => [n.id, n.kind]));

describe('importMermaid', () => {
  it('reads every direction of flowchart and graph headers', () => {
    for (const header of ['flowchart TD', 'flowchart TB', 'graph LR', 'graph RL', 'flowchart BT', 'graph', 'FLOWCHART lr']) {
      expect(edges(ok(`${header}\nA --> B`)), header).toEqual(['A -> B']);
    }
  });

  it('maps the common shapes to node kinds and keeps their labels', () => {
    const s = ok(`flowchart LR
      A[Service A] --> B((Cache))
      A --> C[(Orders DB)]
      A --> D>Jobs]
      A --> E[/Events/]
      U([Users]) --> G{{Gateway}}
      G --> L[/Balancer\\]
      L --> A
      A --> X[[Stripe]]
      A --> R(round) & H{decision}
      A --> Q@{ shape: cyl, label: "Ledger" }`);
    expect(kinds(s)).toEqual({ A: 'service', B: 'cache', C: 'database', D: 'queue', E: 'topic', U: 'client', G: 'gateway', L: 'loadBalancer', X: 'external', R: 'service', H: 'service', Q: 'database' });
    expect(s.nodes.find((n) => n.id === 'C')?.label).toBe('Orders DB');
    expect(s.nodes.find((n) => n.id === 'Q')?.label).toBe('Ledger');
  });

  it('reads chains, & lists, link texts and quoted labels with entity codes', () => {
    const s = ok(`graph TD
      A["Web #quot;app#quot; #35;1"] --> B --> C
      A & B -->|"calls #124; now"| D
      C -- sends --> E
      E == heavy ==> F
      F -. maybe .-> G
      G --- H
      H ~~~ I
      I <--> J`);
    expect(edges(s)).toEqual(['A -> B', 'B -> C', 'A -> D', 'B -> D', 'C -> E', 'E -> F', 'F -> G', 'G -> H', 'I -> J', 'J -> I']);
    expect(s.nodes.find((n) => n.id === 'A')?.label).toBe('Web "app" #1');
    expect(s.edges.find((e) => e.id === 'A-D')?.label).toBe('calls | now');
    expect(s.edges.find((e) => e.id === 'C-E')?.label).toBe('sends');
    expect(s.warnings).toContain('line 6: dotted link F -> G read as a sync call (async edges go to a queue or topic)');
  });

  it('makes dotted links into a queue or topic async, and deliveries to consumers async', () => {
    const s = ok('flowchart LR\n  api -.-> q>orders]\n  q -.-> worker\n  api --> t[/events/] --> mail');
    expect(edges(s)).toEqual(['api ~> q', 'q ~> worker', 'api ~> t', 't ~> mail']);
  });

  it('turns subgraphs into groups and ignores comments, styles, classes and click links', () => {
    const s = ok(`%% a comment
      flowchart LR
      %% another --> comment
      subgraph pay [Payments]
        direction TB
        P[Payment] --> PDB[(DB)]
      end
      subgraph "Order handling"
        O[Order]:::hot
      end
      O --> P
      classDef hot fill:#f00
      class O hot
      style P fill:#0f0
      linkStyle 0 stroke:red
      click P "javascript:alert(1)" "tip"
      click O href "https://evil.example"`);
    expect(s.groups).toEqual([{ id: 'pay', label: 'Payments' }, { id: 'Order-handling', label: 'Order handling' }]);
    expect(Object.fromEntries(s.nodes.map((n) => [n.id, n.group]))).toEqual({ P: 'pay', PDB: 'pay', O: 'Order-handling' });
    expect(JSON.stringify(s)).not.toMatch(/javascript|evil\.example|href/);
  });

  it('takes the title from front matter', () => {
    expect(ok('---\ntitle: "My \\"system\\""\n---\ngraph LR\nA-->B').title).toBe('My "system"');
    expect(ok("---\ntitle: 'It''s mine'\nconfig:\n  theme: dark\n---\ngraph LR\nA-->B").title).toBe("It's mine");
  });

  it('repairs links our connection rules refuse, or drops them, saying so with the line', () => {
    const s = ok('graph LR\nDB[(db)] --> S\nS --> U([user])\nS --> S\nS --> DB2[(x)]\nS --> DB2\nq>jobs] --> DB2');
    expect(kinds(s)).toMatchObject({ DB: 'service', U: 'service', DB2: 'database' });
    expect(s.warnings).toEqual([
      'line 2: "DB" is drawn as a database but it calls other nodes: read as a service',
      'line 3: "U" is drawn as a client but something calls it: read as a service',
      'line 4: link S -> S dropped: a node cannot call itself',
      'line 6: link S -> DB2 dropped: the two nodes are already connected in this direction',
      'line 7: link q -> DB2 dropped: A queue delivers messages to services: connect it to a service that consumes them.',
    ]);
  });

  it('renames ids that are not valid scenario ids and keeps them unique', () => {
    const s = ok('graph LR\n_a --> café\ncafe --> b');
    expect(s.nodes.map((n) => n.id)).toEqual(['a', 'cafe', 'cafe-2', 'b']);
    expect(s.warnings[0]).toBe('line 2: node "_a" renamed to "a" (ids may use letters, digits, - _ . :)');
  });

  it('reports bad input with its line number', () => {
    expect(error('flowchart LR\nA --> B\n\n--> C')).toBe("line 4: expected a node id before '-->'");
    expect(error('sequenceDiagram\nA->>B: hi')).toMatch(/^line 1: expected "flowchart" or "graph"/);
    expect(error('graph XY\nA-->B')).toBe('line 1: unknown direction "XY" (expected TD, TB, LR, RL or BT)');
    expect(error('graph LR\nA[open --> B')).toBe("line 2: expected ']' to close the label of 'A'");
    expect(error('graph LR\nA --> ')).toBe("line 2: expected a node id after '-->'");
    expect(error('graph LR\nA --> B & ')).toBe("line 2: expected a node id after '&'");
    expect(error('graph LR\nA B')).toMatch(/^line 2: expected a link such as '-->'/);
    expect(error('graph LR\nsubgraph one\nA-->B')).toBe('line 2: subgraph "one" is never closed with \'end\'');
    expect(error('graph LR\nA-->B\nend')).toBe("line 3: 'end' without a subgraph to close");
    expect(error('graph LR\nA -->|oops B')).toMatch(/^line 2: expected a closing '\|'/);
    expect(error('')).toMatch(/^line 1: expected "flowchart"/);
    expect(error('graph LR\n%% only a comment')).toBe('the flowchart has no nodes');
  });

  it('refuses input over its size, line and node caps', () => {
    expect(error(`graph LR\n${'A-->B\n'.repeat(40_000)}`)).toMatch(/^line 1: the text has \d+ characters; the limit is 200000/);
    expect(error(`graph LR\nA --> ${'B'.repeat(MERMAID_LIMITS.maxLineChars)}`)).toMatch(/^line 2: the line is longer than/);
    const many = Array.from({ length: MERMAID_LIMITS.maxNodes + 1 }, (_, i) => `n${i}`).join('\n');
    expect(error(`graph LR\n${many}`)).toBe(`line ${MERMAID_LIMITS.maxNodes + 2}: more than ${MERMAID_LIMITS.maxNodes} nodes`);
    const wide = Array.from({ length: 60 }, (_, i) => `a${i}`).join(' & ');
    expect(error(`graph LR\n${wide} --> ${wide.replace(/a/g, 'b')}`)).toBe(`line 2: more than ${MERMAID_LIMITS.maxEdges} links`);
  });
});

const TOKENS = ['graph LR', 'flowchart TD', '\n', ';', ' ', 'A', 'B', 'c1', '-->', '---', '-.->', '==>', '--', '-.', '|', '"', '[', ']', '(', ')', '{', '}', '>', '/', '\\', '&', ':::x', 'subgraph s', 'end', '%%', 'click A "javascript:x"', '#quot;', '@{', 'shape: cyl', '~~~', '<-->', 'o', 'x'];

function neverThrowsAndStaysValid(text: string) {
  const started = Date.now();
  let result: RestoreResult | undefined;
  expect(() => (result = importMermaid(text))).not.toThrow();
  expect(Date.now() - started).toBeLessThan(2000);
  if (result?.ok) expect(restore(toEnvelope(result.scenario)).ok).toBe(true);
  else expect(result?.errors.length).toBeGreaterThan(0);
}

describe('importMermaid on arbitrary input', () => {
  it('never throws or hangs on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), neverThrowsAndStaysValid), { numRuns: 400 });
  });

  it('never throws or hangs on Mermaid-like token soup, and what it accepts is a valid scenario', () => {
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((t) => `graph LR\n${t.join('')}`);
    fc.assert(fc.property(soup, neverThrowsAndStaysValid), { numRuns: 600 });
  });

  it('handles long hostile lines in linear time', () => {
    for (const text of [`graph LR\nA -- ${' '.repeat(9000)}`, `graph LR\nA ${'& B'.repeat(3000)}`, `graph LR\n${'A-->'.repeat(2400)}B`, `graph LR\nA["${'x'.repeat(9000)}`]) {
      neverThrowsAndStaysValid(text);
    }
  });
});
