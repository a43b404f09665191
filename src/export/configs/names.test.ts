import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKOUT_SCENARIO, builtInScenario } from '../../model';
import { reportFileName } from '../markdownReport';
import { scenarioFileName } from '../scenarioFile';
import { dnsLabel, fileNameFor, NameAllocator, nodeDnsNames } from './names';
import { hostile } from './testScenarios';

const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

describe('DNS names', () => {
  it('slugifies labels to lower-case DNS labels', () => {
    expect(dnsLabel('Order service')).toBe('order-service');
    expect(dnsLabel('  Café  Crème!! ')).toBe('cafe-creme');
    expect(dnsLabel('9lives')).toBe('n-9lives');
    expect(dnsLabel('***')).toBe('node');
    expect(dnsLabel('x'.repeat(100))).toHaveLength(63);
  });

  it('always gives a valid Kubernetes Service name (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (s) => {
        expect(dnsLabel(s)).toMatch(DNS_1035);
      }),
    );
  });

  it('gives two labels that slugify the same two different names, the same way every time', () => {
    const first = new NameAllocator();
    const a = first.name('a', 'Order service');
    const b = first.name('b', 'order-service');
    expect(a).toBe('order-service');
    expect(b).toBe('order-service-2');
    expect(first.name('a', 'ignored')).toBe(a);
    const second = new NameAllocator();
    expect([second.name('a', 'Order service'), second.name('b', 'order-service')]).toEqual([a, b]);
  });

  it('keeps suffixed names within 63 characters', () => {
    const names = new NameAllocator();
    const long = 'y'.repeat(80);
    const taken = [names.name('1', long), names.name('2', long), names.name('3', long)];
    expect(new Set(taken).size).toBe(3);
    for (const n of taken) expect(n.length).toBeLessThanOrEqual(63);
  });

  it('names every node of a scenario uniquely, even ids that differ only in punctuation', () => {
    const names = nodeDnsNames(hostile());
    expect(names.get('Order_Service')).toBe('order-service');
    expect(names.get('order.service')).toBe('order-service-2');
    expect(new Set(names.values()).size).toBe(names.size);
  });
});

describe('export file names', () => {
  it('start the same for every export of a scenario, whatever its title holds', () => {
    const scenario = builtInScenario({ ...CHECKOUT_SCENARIO, title: '2024 Café peak: 3x load!' });
    expect(fileNameFor(scenario, '-envoy.yaml')).toBe('2024-cafe-peak-3x-load-envoy.yaml');
    expect(scenarioFileName(scenario)).toBe('2024-cafe-peak-3x-load.faultline.json');
    expect(reportFileName(scenario)).toBe('2024-cafe-peak-3x-load.report.md');
  });
});
