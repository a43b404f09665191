import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model';
import { mermaid, mermaidText, policySummary } from './mermaid';
import { importMermaid } from './mermaidImport';
import { checkout, everyKind, hostile } from './testScenarios';

/** What a round trip must keep: ids, labels, kinds and groups of nodes; ends and kinds of edges. */
function topology(s: Scenario) {
  return {
    title: s.title,
    nodes: s.nodes.map((n) => ({ id: n.id, label: n.label ?? n.id, kind: n.kind, group: n.group })).sort((a, b) => a.id.localeCompare(b.id)),
    edges: s.edges.map((e) => `${e.from} ${e.kind} ${e.to}`).sort(),
    groups: s.groups.map((g) => `${g.id}:${g.label}`).sort(),
  };
}

function imported(text: string): Scenario {
  const result = importMermaid(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

describe('the Mermaid export', () => {
  it('draws each kind with its own shape and async edges dotted', () => {
    const text = mermaid(checkout());
    const lines = text.split('\n').map((l) => l.trim());
    expect(lines).toContain('flowchart LR');
    expect(lines).toContain('orders-db[("Orders DB")]');
    expect(lines).toContain('shoppers(["Shoppers"])');
    expect(lines).toContain('api-gateway{{"API gateway"}}');
    expect(lines).toContain('order-events>"Order events"]');
    expect(lines).toContain('card-network[["Card network"]]');
    expect(lines).toContain('order-service -.->|"timeout 200 ms"| order-events');
    expect(lines).toContain('order-service -->|"timeout 500 ms, 2 attempts"| inventory-service');
    expect(lines).toContain('subgraph payments["Payments"]');
  });

  it('puts each bounded context in a subgraph holding exactly its nodes', () => {
    const text = mermaid(checkout());
    const block = text.slice(text.indexOf('subgraph stock'), text.indexOf('end', text.indexOf('subgraph stock')));
    expect(block).toContain('inventory-service[');
    expect(block).toContain('inventory-db[(');
    expect(block).not.toContain('order-service[');
  });

  it('turns HTML, quotes and pipes in labels into entity codes, never markup', () => {
    const text = mermaid(hostile());
    expect(text).not.toMatch(/<script|<\/div|<b>/);
    expect(text).toContain('#lt;/div#gt;#lt;script#gt;alert(1)#lt;/script#gt;');
    expect(mermaidText('a "b" | c # d & `e`\nf')).toBe('a #quot;b#quot; #124; c #35; d #amp; #96;e#96; f');
    // Every label stays on its line: no line starts with a fragment of a label.
    for (const line of text.split('\n').slice(4)) expect(line).toMatch(/^\s*(subgraph |end$|[A-Za-z0-9_-]+[[({>]|[A-Za-z0-9_-]+ -)|^$/);
  });

  it('renames ids Mermaid cannot read and reserved words, keeping them unique', () => {
    const text = mermaid(hostile());
    expect(text).toContain('order_service[');
    expect(text).toContain('end_[(');
    expect(text).toMatch(/Order_Service_group\["/);
  });

  it('summarises every policy part on the edge label', () => {
    const s = hostile();
    const e2 = s.edges.find((e) => e.id === 'e2');
    expect(e2 && policySummary(e2.policy)).toBe('timeout 250 ms, 4 attempts (budget), bulkhead 12, throttling');
  });
});

describe('Mermaid round trip', () => {
  it('importMermaid(mermaid(checkout)) gives back the same nodes, edges, groups and title', () => {
    const original = checkout();
    const back = importMermaid(mermaid(original));
    expect(back.ok && back.warnings).toEqual([]);
    expect(topology(imported(mermaid(original)))).toEqual(topology(original));
  });

  it('round-trips the scenario with every node kind', () => {
    const original = everyKind();
    expect(topology(imported(mermaid(original)))).toEqual(topology(original));
  });

  it('brings hostile labels back as the same text', () => {
    const original = hostile();
    const back = imported(mermaid(original));
    const label = (s: Scenario, id: string) => s.nodes.find((n) => n.id === id)?.label;
    expect(label(back, 'Order_Service')).toBe('</div><script>alert(1)</script>');
    expect(label(back, 'order_service')).toBe('Order service: "v2" # {yes} next: line');
    expect(label(back, '9lives')).toBe('- item & `tick` #35;');
    expect(back.title).toBe('Evil: "title" # not a comment key: injected');
  });
});
