import { memo } from 'react';

export interface LegendItem {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  readonly dashed?: boolean;
  /** How the swatch looks: a line, a filled block, or a hatched block. */
  readonly kind: 'line' | 'area' | 'hatch';
}

/** A small picture of how a series is drawn (also used in the tooltip). */
export function Swatch({ item }: { readonly item: Omit<LegendItem, 'id' | 'label'> }) {
  return (
    <svg className="fl-chart__swatch" width={16} height={10} viewBox="0 0 16 10" aria-hidden="true">
      {item.kind === 'line' ? (
        <line
          x1={1}
          x2={15}
          y1={5}
          y2={5}
          style={{ stroke: item.color }}
          strokeWidth={2.5}
          strokeDasharray={item.dashed ? '4 2.5' : undefined}
          strokeLinecap="round"
        />
      ) : (
        <>
          <rect x={1} y={1} width={14} height={8} rx={1.5} style={{ fill: item.color }} />
          {item.kind === 'hatch' ? <path d="M1 9 L9 1 M7 9 L15 1" stroke="rgba(255,255,255,0.75)" strokeWidth={1.5} /> : null}
        </>
      )}
    </svg>
  );
}

/** The series names with their swatches. */
export const Legend = memo(function Legend({ items }: { readonly items: readonly LegendItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="fl-chart__legend">
      {items.map((item) => (
        <li key={item.id} className="fl-chart__legend-item">
          <Swatch item={item} />
          {item.label}
        </li>
      ))}
    </ul>
  );
});
