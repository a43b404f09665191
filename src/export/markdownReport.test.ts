import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownReport, reportFileName } from './markdownReport';
import { HOSTILE, accepted, checkout, fakeRun, hostileScenario } from './testing';

const AT = new Date('2030-01-02T03:04:05Z');

/** The decoded SVG of every data: URI image in the report. */
function images(report: string): string[] {
  return [...report.matchAll(/!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => new TextDecoder().decode(Uint8Array.from(atob(m[1] ?? ''), (c) => c.charCodeAt(0))));
}

describe('the Markdown report', () => {
  it('has the title, the description, the diagram and a parameters table of every node and call', () => {
    const scenario = checkout();
    const report = markdownReport(scenario, null, AT);
    expect(report.startsWith('# E-commerce checkout\n')).toBe(true);
    expect(report).toContain('Faultline report, 2030-01-02 03:04 UTC.');
    expect(report).toContain('## Diagram');
    expect(report).toContain('| Node | Id | Kind | Key numbers | Bounded context |');
    for (const node of scenario.nodes) expect(report).toMatch(new RegExp(`\\| [^|\\n]+ \\| ${node.id.replace(/[-.]/g, '\\$&')} \\|`));
    const calls = report.split('### Calls and their policies')[1]?.split('###')[0] ?? '';
    expect(calls.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Call'))).toHaveLength(scenario.edges.length);
    const [diagram] = images(report);
    expect(diagram).toContain('<svg');
    expect(diagram).not.toContain('faultline:scenario');
  });

  it('says the scenario was not run yet when there is no run', () => {
    const report = markdownReport(checkout(), null, AT);
    expect(report).toContain('## Run summary\n\nNot run yet');
    expect(report).not.toContain('## Charts');
  });

  it('reuses the summary tables and charts goodput and p99 when a run exists', () => {
    const scenario = checkout();
    const run = fakeRun(scenario);
    const report = markdownReport(scenario, { result: run, samples: run.samples }, AT);
    expect(report).toContain('### System');
    expect(report).toMatch(/\| system \| 300 \| 63\.3 \| 0\.6333 \|/);
    expect(report).toContain('### Nodes');
    expect(report).toContain('### Edges');
    expect(report).toContain('## Charts');
    const charts = images(report).slice(1);
    expect(charts).toHaveLength(2);
    expect(charts[0]).toContain('Goodput (successful requests/s)');
    expect(charts[1]).toContain('End-to-end p99 latency (ms)');
    expect(charts[0]).toMatch(/<path d="M[\d.]+ [\d.]+L[\d.]+ [\d.]+L/);
  });

  it('shades the fault windows on the charts, unless the scenario was edited since the run', () => {
    // The fake run samples 3 s; its one fault moved to 1-2 s so that it falls inside.
    const base = checkout();
    expect(base.faults).toHaveLength(1);
    const scenario = { ...base, faults: base.faults.map((f) => ({ ...f, startS: 1, durationS: 1 })) };
    const run = fakeRun(scenario);
    const shaded = images(markdownReport(scenario, { result: run, samples: run.samples }, AT)).slice(1);
    for (const chart of shaded) expect(chart.match(/<rect class="fault-window" x="[\d.]+" y="[\d.]+" width="[1-9][\d.]*"/g)).toHaveLength(1);
    const stale = images(markdownReport(scenario, { result: run, samples: run.samples, stale: true }, AT)).slice(1);
    for (const chart of stale) expect(chart).not.toContain('fault-window');
  });

  it('warns when the scenario changed after the run', () => {
    const scenario = checkout();
    const run = fakeRun(scenario);
    expect(markdownReport(scenario, { result: run, samples: run.samples, stale: true }, AT)).toContain('edited after this run');
  });

  it('turns hostile labels into inert text: no raw HTML, no link, no table break', () => {
    const report = markdownReport(hostileScenario(), null, AT);
    const text = report.replace(/\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/g, '(data)');
    expect(text).not.toMatch(/<img|<script|<svg/i);
    expect(text).not.toMatch(/(?<!\\)\[click(?<!\\)\]/);
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt; report');
    expect(text).toContain('\\[click\\](javascript:alert(1)) \\| \\*bold\\* \\`code\\`');
    // Every table row still has as many cells as its header: an escaped | does not split one.
    const nodeRows = text.split('### Nodes')[1]?.split('###')[0]?.split('\n').filter((l) => l.startsWith('|')) ?? [];
    for (const row of nodeRows) expect(row.split(/(?<!\\)\|/).length).toBe(7);
    for (const image of images(report)) expect(image).not.toMatch(/<img|<script/);
  });

  it('escapes what would start a block or an entity', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. first\nline')).toBe('1\\. first line');
    expect(escapeMarkdown('a & b')).toBe('a &amp; b');
    expect(escapeMarkdown(HOSTILE.url)).toBe('javascript:alert(1)');
  });

  it('names the file after the title', () => {
    expect(reportFileName(accepted({ title: 'Black Friday: 3x load!' }))).toBe('black-friday-3x-load.report.md');
  });
});
