import type { Sample } from '../model';
import { base64OfText } from './embed';
import { FONT_FAMILY, PALETTE } from './glyphs';
import { escapeXml } from './svgText';

export interface ChartSeries {
  readonly title: string;
  readonly unit: string;
  readonly colour: string;
  readonly points: readonly { readonly tS: number; readonly value: number }[];
}

/** A stretch of simulated time to shade on a chart (a fault's window). */
export interface ChartWindow {
  readonly startS: number;
  readonly endS: number;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 56, right: 16, top: 30, bottom: 34 };

/** A round step for about five ticks: 1, 2 or 5 times a power of ten. */
function niceStep(span: number): number {
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m >= 5 ? 10 : m >= 2 ? 5 : m >= 1 ? 2 : 1) * power;
}

const label = (v: number) => (Math.abs(v) >= 1000 ? `${Number((v / 1000).toPrecision(3))}k` : String(Number(v.toPrecision(4))));

/**
 * A small line chart as a standalone SVG (no d3, no DOM: it must run wherever the report is
 * written). Gaps (NaN, e.g. no latency in an interval without completions) break the line.
 */
export function lineChartSvg(series: ChartSeries, windows: readonly ChartWindow[] = []): string {
  const points = series.points.filter((p) => Number.isFinite(p.tS));
  const values = points.map((p) => p.value).filter(Number.isFinite);
  const maxT = Math.max(1e-9, ...points.map((p) => p.tS));
  const yStep = niceStep(Math.max(1e-9, ...values));
  const maxY = Math.max(yStep, Math.ceil(Math.max(0, ...values) / yStep) * yStep);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (t: number) => Math.round((PAD.left + (t / maxT) * plotW) * 10) / 10;
  const y = (v: number) => Math.round((PAD.top + plotH - (v / maxY) * plotH) * 10) / 10;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="${escapeXml(FONT_FAMILY)}" font-size="11">`,
    `<title>${escapeXml(`${series.title} (${series.unit})`)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${PAD.left}" y="18" font-size="13" font-weight="600" fill="${PALETTE.text}">${escapeXml(`${series.title} (${series.unit})`)}</text>`,
  ];
  // Fault windows first, under the grid and the line, as in the studio's charts.
  for (const w of windows) {
    const from = x(Math.max(0, Math.min(w.startS, maxT)));
    const to = x(Math.max(0, Math.min(w.endS, maxT)));
    if (to > from) out.push(`<rect class="fault-window" x="${from}" y="${PAD.top}" width="${Math.round((to - from) * 10) / 10}" height="${plotH}" fill="#f97316" fill-opacity="0.12"/>`);
  }
  for (let v = 0; v <= maxY + 1e-9; v += yStep) {
    out.push(
      `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="${PALETTE.border}"/>`,
      `<text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end" fill="${PALETTE.muted}">${label(v)}</text>`,
    );
  }
  const tStep = niceStep(maxT);
  for (let t = 0; t <= maxT + 1e-9; t += tStep) {
    out.push(`<text x="${x(t)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle" fill="${PALETTE.muted}">${label(t)}</text>`);
  }
  out.push(`<text x="${PAD.left + plotW / 2}" y="${HEIGHT - 4}" text-anchor="middle" fill="${PALETTE.muted}">simulated time (s)</text>`);
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!Number.isFinite(p.value)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.tS)} ${y(p.value)}`;
    pen = true;
  }
  if (d) out.push(`<path d="${d}" fill="none" stroke="${series.colour}" stroke-width="2" stroke-linejoin="round"/>`);
  else out.push(`<text x="${PAD.left + plotW / 2}" y="${PAD.top + plotH / 2}" text-anchor="middle" fill="${PALETTE.muted}">no data</text>`);
  out.push('</svg>');
  return out.join('\n');
}

/** The two system charts of the report: goodput and end-to-end p99 over simulated time. */
export function systemCharts(samples: readonly Sample[]): ChartSeries[] {
  const at = (s: Sample) => s.endMs / 1000;
  return [
    { title: 'Goodput', unit: 'successful requests/s', colour: '#15803d', points: samples.map((s) => ({ tS: at(s), value: s.system.goodputPerSec })) },
    {
      title: 'End-to-end p99 latency',
      unit: 'ms',
      colour: '#c0262d',
      points: samples.map((s) => ({ tS: at(s), value: s.system.latency.count > 0 ? s.system.latency.p99Ms : NaN })),
    },
  ];
}

/** An SVG as a data: URI, for an image in a Markdown file that must stand alone. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${base64OfText(svg)}`;
}
