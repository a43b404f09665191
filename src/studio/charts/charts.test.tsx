import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LineChart } from './LineChart';
import type { ChartSeries } from './series';
import { StackedAreaChart } from './StackedAreaChart';
import { StateBand } from './StateBand';

/** Attribute values as React writes them (entities decoded for the few it escapes). */
function attributes(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) =>
    (m[1] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
  );
}

function seriesPaths(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<path[^>]*\sd="([^"]*)"[^>]*data-series="([^"]*)"/g)) out.set(m[2] ?? '', m[1] ?? '');
  return out;
}

const goodput: ChartSeries = {
  id: 'goodput',
  label: 'Goodput',
  color: 'var(--accent)',
  points: [
    [1, 10],
    [2, 12],
    [3, NaN],
    [4, 14],
    [5, 15.5],
  ],
};
const offered: ChartSeries = { id: 'offered', label: 'Offered', color: '#999', dashed: true, points: [[1, 20], [5, 20]] };

describe('LineChart', () => {
  const html = renderToString(
    <LineChart
      title="Throughput"
      unit="req/s"
      series={[goodput, offered]}
      xDomain={[0, 10]}
      shaded={[{ startS: 2, endS: 4, label: 'db crash' }]}
      cursorS={3}
      width={400}
    />,
  );

  it('labels the svg with title, unit and the last value of every series', () => {
    const label = attributes(html, 'aria-label').find((l) => l.startsWith('Throughput'));
    expect(label).toBe(
      'Throughput (req/s), 0 s to 10 s. Last values: Goodput 15.5 req/s at 5 s, Offered 20 req/s at 5 s. 1 fault window: db crash.',
    );
    expect(html).toMatch(/<svg[^>]*role="img"/);
  });

  it('breaks the line at a NaN into two segments', () => {
    const d = seriesPaths(html).get('goodput') ?? '';
    expect(d.match(/M/g)).toHaveLength(2);
    expect(seriesPaths(html).get('offered')?.match(/M/g)).toHaveLength(1);
    expect(html).toContain('fl-chart__line--dashed');
  });

  it('offers a focusable time slider over the plot', () => {
    expect(html).toMatch(/role="slider"[^>]*aria-label="Throughput: values over time"/);
    expect(html).toContain('tabindex="0"');
    expect(attributes(html, 'aria-valuemax')).toEqual(['10']);
  });

  it('draws the fault band, the cursor and the axis units', () => {
    expect(html).toContain('fl-chart__band--error');
    expect(html).toContain('fl-chart__cursor');
    expect(html).toContain('>req/s</text>');
    expect(html).toContain(">10 s</text>");
  });
});

describe('StackedAreaChart', () => {
  const html = renderToString(
    <StackedAreaChart
      title="Failures"
      unit="req/s"
      series={[
        { id: 'timeout', label: 'Timeout', color: '#e69f00', points: [[1, 2], [2, 3]] },
        { id: 'error', label: 'Error', color: '#d55e00', points: [[1, 1], [2, 4]] },
      ]}
      xDomain={[0, 2]}
      width={300}
    />,
  );

  it('draws one band per series and names the latest total', () => {
    expect(seriesPaths(html).size).toBe(0);
    expect(html.match(/class="fl-chart__area"/g)).toHaveLength(2);
    expect(html.match(/data-series="(timeout|error)"/g)).toEqual(['data-series="timeout"', 'data-series="error"']);
    const label = attributes(html, 'aria-label').find((l) => l.startsWith('Failures'));
    expect(label).toContain('Timeout 3 req/s at 2 s, Error 4 req/s at 2 s. Total 7 req/s at 2 s.');
  });
});

describe('StateBand', () => {
  it('draws a coloured segment per state with a hatched half-open and a spoken summary', () => {
    const html = renderToString(
      <StateBand
        title="Breaker"
        xDomain={[0, 30]}
        segments={[
          { startS: 0, endS: 10, state: 'closed' },
          { startS: 10, endS: 20, state: 'open' },
          { startS: 20, endS: 22, state: 'half_open' },
        ]}
        width={400}
      />,
    );
    expect(html.match(/class="fl-state__segment /g)).toHaveLength(3);
    expect(html).toMatch(/fl-state__segment--half_open"[^>]*style="fill:url\(#fl-hatch-/);
    expect(attributes(html, 'aria-label')).toContain(
      'Breaker: closed 0 s to 10 s, open 10 s to 20 s, half-open 20 s to 22 s. Last state: half-open.',
    );
  });
});
