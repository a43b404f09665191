import { KIND_INFO, displayName, keyNumbers, policyBadges, type Position, type Scenario, type ScenarioEdge, type RestoreResult } from '../model';
import { MAX_EMBEDDED_CHARS, decodeEmbeddedScenario, encodeEmbeddedScenario, refuse } from './embed';
import { FONT_FAMILY, KIND_COLOUR, KIND_GLYPH, PALETTE } from './glyphs';
import { chars, escapeXml, truncate } from './svgText';

/** Same sizes as the canvas (editor/flowModel.ts), so a picture looks like the editor. */
const NODE_WIDTH = 200;
const NODE_HEIGHT = 96;
const CONTEXT_PADDING = 28;
const CONTEXT_LABEL = 18;
const MARGIN = 32;
const HEADER = 56;

export interface DiagramSvg {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

export interface DiagramOptions {
  /** Carry the scenario in a marked comment so the picture can be opened again (default true). */
  readonly embedScenario?: boolean;
}

const MARKER_PREFIX = '<!-- faultline:scenario:v';

/**
 * A standalone SVG of the diagram, drawn from the scenario (never from the DOM). Every piece of
 * user text goes through escapeXml and nothing else is user-controlled, so by construction the
 * picture holds no script, event handler, link or external reference.
 */
export function buildDiagramSvg(scenario: Scenario, options: DiagramOptions = {}): DiagramSvg {
  const at = new Map<string, Position>(scenario.nodes.map((n) => [n.id, n.position ?? { x: 0, y: 0 }]));
  const boxes = contextBoxes(scenario, at);
  const xs = [...[...at.values()].flatMap((p) => [p.x, p.x + NODE_WIDTH]), ...boxes.flatMap((b) => [b.x, b.x + b.width])];
  const ys = [...[...at.values()].flatMap((p) => [p.y, p.y + NODE_HEIGHT]), ...boxes.flatMap((b) => [b.y, b.y + b.height])];
  const minX = xs.length ? Math.min(...xs) : 0;
  const minY = ys.length ? Math.min(...ys) : 0;
  const width = Math.max(xs.length ? Math.max(...xs) - minX : 0, 320) + 2 * MARGIN;
  const height = (ys.length ? Math.max(...ys) - minY : 80) + 2 * MARGIN + HEADER;
  const dx = MARGIN - minX;
  const dy = MARGIN + HEADER - minY;
  const place = (p: Position): Position => ({ x: p.x + dx, y: p.y + dy });

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_FAMILY)}">`,
  ];
  if (options.embedScenario !== false) out.push(`${MARKER_PREFIX}1:${encodeEmbeddedScenario(scenario)} -->`);
  out.push(`<title>${escapeXml(scenario.title)}</title>`);
  if (scenario.metadata.description) out.push(`<desc>${escapeXml(scenario.metadata.description)}</desc>`);
  out.push(
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">',
    `<path d="M0 0 10 5 0 10z" fill="${PALETTE.edge}"/></marker></defs>`,
    `<rect width="${width}" height="${height}" fill="${PALETTE.background}"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 16}" font-size="18" font-weight="700" fill="${PALETTE.text}">${escapeXml(truncate(scenario.title, chars(width - 2 * MARGIN, 18)))}</text>`,
  );
  out.push(`<text x="${MARGIN}" y="${MARGIN + 38}" font-size="11" fill="${PALETTE.muted}">${escapeXml(truncate(legend(scenario), chars(width - 2 * MARGIN, 11.5)))}</text>`);
  for (const box of boxes) {
    const p = place(box);
    out.push(
      `<rect x="${p.x}" y="${p.y}" width="${box.width}" height="${box.height}" rx="12" fill="${PALETTE.context}" fill-opacity="0.08" stroke="${PALETTE.context}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
      `<text x="${p.x + 10}" y="${p.y + 17}" font-size="12" font-weight="600" letter-spacing="0.6" fill="${PALETTE.contextText}">${escapeXml(truncate(box.label.toUpperCase(), chars(box.width - 20, 13)))}</text>`,
    );
  }
  const edges = scenario.edges.flatMap((edge) => {
    const from = at.get(edge.from);
    const to = at.get(edge.to);
    return from && to ? [edgeSvg(edge, place(from), place(to))] : [];
  });
  out.push(...edges.map((e) => e.line));
  for (const node of scenario.nodes) out.push(nodeSvg(node, place(at.get(node.id) ?? { x: 0, y: 0 })));
  // Badges last, above the nodes, as on the canvas: the gap between two nodes is often narrower.
  out.push(...edges.map((e) => e.badge).filter(Boolean));
  if (scenario.nodes.length === 0) {
    out.push(`<text x="${MARGIN}" y="${MARGIN + HEADER + 24}" font-size="14" fill="${PALETTE.muted}">No nodes yet.</text>`);
  }
  out.push('</svg>');
  return { text: `${out.join('\n')}\n`, width, height };
}

export const diagramSvg = (scenario: Scenario, options?: DiagramOptions): string => buildDiagramSvg(scenario, options).text;

function nodeSvg(node: Scenario['nodes'][number], p: Position): string {
  const colour = KIND_COLOUR[node.kind];
  const dashed = node.kind === 'external' ? ' stroke-dasharray="5 3"' : '';
  const parts = [
    // The full label and kind as the node's title: the drawn label may be cut to fit the box.
    `<g><title>${escapeXml(`${displayName(node)} (${KIND_INFO[node.kind].label})`)}</title>`,
    `<rect x="${p.x}" y="${p.y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8" fill="${PALETTE.panel}" stroke="${PALETTE.border}"${dashed}/>`,
    // The 4 px kind-coloured left border of .arch-node, with the box's rounded corners.
    `<path d="M${p.x + 8} ${p.y}a8 8 0 0 0-8 8v${NODE_HEIGHT - 16}a8 8 0 0 0 8 8a4 8 0 0 1-4-8v${16 - NODE_HEIGHT}a4 8 0 0 1 4-8z" fill="${colour}"/>`,
    `<rect x="${p.x + 12}" y="${p.y + 8}" width="26" height="26" rx="6" fill="${colour}"/>`,
    `<g transform="translate(${p.x + 16} ${p.y + 12}) scale(0.75)" fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${KIND_GLYPH[node.kind]}</g>`,
    `<text x="${p.x + 46}" y="${p.y + 20}" font-size="13" font-weight="600" fill="${PALETTE.text}">${escapeXml(truncate(displayName(node), chars(NODE_WIDTH - 54, 13.5)))}</text>`,
    `<text x="${p.x + 46}" y="${p.y + 34}" font-size="11" fill="${PALETTE.muted}">${escapeXml(KIND_INFO[node.kind].label)}</text>`,
  ];
  // Chips flow left to right and wrap once, like .arch-node__numbers.
  let x = p.x + 12;
  let y = p.y + 44;
  for (const text of keyNumbers(node)) {
    const shown = truncate(text, 26);
    const w = Math.ceil(shown.length * 6.1) + 10;
    if (x + w > p.x + NODE_WIDTH - 8 && x > p.x + 12) {
      x = p.x + 12;
      y += 20;
    }
    if (y > p.y + NODE_HEIGHT - 20) break;
    parts.push(
      `<rect x="${x}" y="${y}" width="${w}" height="16" rx="4" fill="${PALETTE.chip}"/>`,
      `<text x="${x + 5}" y="${y + 12}" font-size="11" fill="${PALETTE.chipText}">${escapeXml(shown)}</text>`,
    );
    x += w + 4;
  }
  parts.push('</g>');
  return parts.join('');
}

/** A bezier from the source's right handle to the target's left one, as React Flow draws it. */
function edgeSvg(edge: ScenarioEdge, from: Position, to: Position): { line: string; badge: string } {
  const sx = from.x + NODE_WIDTH;
  const sy = from.y + NODE_HEIGHT / 2;
  const tx = to.x - 2;
  const ty = to.y + NODE_HEIGHT / 2;
  const distance = tx - sx;
  const offset = distance >= 0 ? distance / 2 : 0.25 * 25 * Math.sqrt(-distance);
  const c1x = sx + offset;
  const c2x = tx - offset;
  const dash = edge.kind === 'async' ? ' stroke-dasharray="6 4"' : '';
  const line = `<path d="M${sx} ${sy}C${round(c1x)} ${sy} ${round(c2x)} ${ty} ${tx} ${ty}" fill="none" stroke="${PALETTE.edge}" stroke-width="1.6"${dash} marker-end="url(#arrow)"/>`;
  const badges = [...(edge.label ? [truncate(edge.label, 24)] : []), ...policyBadges(edge)].join(' ');
  if (badges) {
    // Midpoint of the cubic (t = 0.5).
    const mx = round(0.125 * sx + 0.375 * c1x + 0.375 * c2x + 0.125 * tx);
    const my = round((sy + ty) / 2);
    const w = Math.ceil(badges.length * 5.6) + 8;
    return {
      line,
      badge:
        `<rect x="${round(mx - w / 2)}" y="${my - 8}" width="${w}" height="15" rx="4" fill="#fff" fill-opacity="0.92" stroke="${PALETTE.border}"/>` +
        `<text x="${mx}" y="${my + 3}" font-size="10" text-anchor="middle" fill="${PALETTE.chipText}">${escapeXml(badges)}</text>`,
    };
  }
  return { line, badge: '' };
}

interface ContextBox extends Position {
  readonly label: string;
  readonly width: number;
  readonly height: number;
}

function contextBoxes(scenario: Scenario, at: ReadonlyMap<string, Position>): ContextBox[] {
  const boxes: ContextBox[] = [];
  for (const group of scenario.groups) {
    const members = scenario.nodes.filter((n) => n.group === group.id).map((n) => at.get(n.id) ?? { x: 0, y: 0 });
    if (members.length === 0) continue;
    const minX = Math.min(...members.map((p) => p.x));
    const minY = Math.min(...members.map((p) => p.y));
    const maxX = Math.max(...members.map((p) => p.x + NODE_WIDTH));
    const maxY = Math.max(...members.map((p) => p.y + NODE_HEIGHT));
    boxes.push({
      label: group.label,
      x: minX - CONTEXT_PADDING,
      y: minY - CONTEXT_PADDING - CONTEXT_LABEL,
      width: maxX - minX + 2 * CONTEXT_PADDING,
      height: maxY - minY + 2 * CONTEXT_PADDING + CONTEXT_LABEL,
    });
  }
  return boxes;
}

const BADGE_WORDS: Readonly<Record<string, string>> = { T: 'timeout', R: 'attempts', CB: 'circuit breaker', BH: 'bulkhead', RL: 'rate limiter', AT: 'adaptive throttling', FB: 'fallback' };

/** A key to the edge badges the picture uses: a reader of a slide has no tooltip to hover. */
function legend(scenario: Scenario): string {
  const used = new Set(scenario.edges.flatMap((e) => policyBadges(e).map((b) => b.split(' ')[0] ?? '')));
  const kinds = new Set(scenario.edges.map((e) => e.kind));
  const lines = [kinds.has('sync') ? 'solid arrow: sync call' : '', kinds.has('async') ? 'dashed: async message' : ''].filter(Boolean);
  const badges = Object.entries(BADGE_WORDS).filter(([k]) => used.has(k)).map(([k, v]) => `${k} ${v}`);
  return [...lines, ...badges].join(' · ');
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Strict: the marker, a version of 1 to 3 digits, base64, and the comment's end, nothing else. */
const MARKER = /^<!-- faultline:scenario:v(\d{1,3}):([A-Za-z0-9+/]*={0,2}) -->/;

/** Finds the scenario in an SVG exported by Faultline and reads it through restore. */
export function readSvgScenario(text: string): RestoreResult {
  const start = text.indexOf(MARKER_PREFIX);
  if (start < 0) return refuse('this SVG holds no Faultline scenario: only pictures exported by Faultline can be reopened');
  // Only the marker's own bounded span is matched, so a huge file costs one indexOf.
  const span = text.slice(start, start + MARKER_PREFIX.length + 8 + MAX_EMBEDDED_CHARS + 4);
  const match = MARKER.exec(span);
  if (!match) return refuse('the scenario marker in this SVG is damaged or too large');
  const version = Number(match[1]);
  if (version !== 1) {
    return refuse(`this SVG was made by a newer Faultline (picture format ${version}); this one reads format 1. Update the app to open it.`);
  }
  return decodeEmbeddedScenario(match[2] ?? '', 'SVG');
}
