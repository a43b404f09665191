import type { Fault } from './scenario';

/** A fault shown on its target while it lasts. */
export interface FaultMark {
  readonly faultId: string;
  readonly kind: Fault['kind'];
  /** Short, names the kind and its size: "latency x50", "crash", "error 30%". */
  readonly text: string;
  readonly startMs: number;
  readonly endMs: number;
}

const num = (x: number) => String(Math.round(x * 100) / 100);

/** The mark's words for a fault. */
export function faultMarkText(f: Fault): string {
  const base = (() => {
    switch (f.kind) {
      case 'crash':
        return 'crash';
      case 'hang':
        return 'hang';
      case 'latency': {
        const parts = ['latency'];
        if (f.factor > 1) parts.push(`x${num(f.factor)}`);
        if (f.addMs > 0) parts.push(`+${num(f.addMs)} ms`);
        return parts.join(' ');
      }
      case 'error':
        return `error ${num(f.percent)}%`;
      case 'capacityLoss':
        return `capacity -${num(f.percent)}%`;
      case 'partition':
        return 'partition';
      case 'packetLoss':
        return `packet loss ${num(f.percent)}%`;
      case 'cacheFlush':
        return 'cache flush';
      case 'trafficSpike':
        return `traffic x${num(f.factor)}`;
      case 'delay':
        return `delay ${num(f.delayMs)} ms${f.percent < 100 ? ` on ${num(f.percent)}%` : ''}`;
      case 'abort':
        return `abort ${num(f.percent)}%`;
    }
  })();
  return f.replica === undefined ? base : `${base} (replica ${f.replica})`;
}

/** Does a fault act during [fromMs, toMs)? An instant fault (no duration) counts where it happens. */
export function faultActive(f: Pick<Fault, 'startS' | 'durationS'>, fromMs: number, toMs: number): boolean {
  const start = f.startS * 1000;
  const end = (f.startS + f.durationS) * 1000;
  if (end <= start) return start >= fromMs && start < toMs;
  return start < toMs && end > fromMs;
}

/** The marks of the faults acting during [fromMs, toMs), by target (node or edge id), in start order. */
export function faultMarks(faults: readonly Fault[], fromMs: number, toMs: number): ReadonlyMap<string, readonly FaultMark[]> {
  const out = new Map<string, FaultMark[]>();
  const sorted = [...faults].sort((a, b) => a.startS - b.startS);
  for (const f of sorted) {
    if (!faultActive(f, fromMs, toMs)) continue;
    let list = out.get(f.target);
    if (!list) out.set(f.target, (list = []));
    list.push({ faultId: f.id, kind: f.kind, text: faultMarkText(f), startMs: f.startS * 1000, endMs: (f.startS + f.durationS) * 1000 });
  }
  return out;
}
