// Writes e2e/data/fleet-60.json: a 60-node scenario without positions (a hand-written or generated
// file as an import would bring it), used by the readability and import-layout browser tests.
import { writeFileSync } from 'node:fs';

const domains = ['Catalog', 'Search', 'Cart', 'Checkout', 'Payments', 'Shipping', 'Accounts', 'Reviews', 'Pricing', 'Promotions', 'Inventory', 'Recommendations'];
const nodes: Record<string, unknown>[] = [
  { id: 'web', kind: 'client', label: 'Web shoppers', workload: { model: 'open', ratePerSec: 300 } },
  { id: 'mobile', kind: 'client', label: 'Mobile app', workload: { model: 'open', ratePerSec: 200 } },
  { id: 'edge', kind: 'gateway', label: 'Edge gateway' },
  { id: 'bff', kind: 'gateway', label: 'Mobile BFF' },
];
const edges: Record<string, unknown>[] = [
  { id: 'web-edge', from: 'web', to: 'edge', policy: { timeoutMs: 3000 } },
  { id: 'mobile-bff', from: 'mobile', to: 'bff', policy: { timeoutMs: 3000 } },
];
const groups: { id: string; label: string }[] = [];
for (const [i, d] of domains.entries()) {
  const slug = d.toLowerCase();
  groups.push({ id: slug, label: d });
  const svc = `${slug}-service`;
  nodes.push({ id: svc, kind: 'service', label: `${d} service`, group: slug });
  nodes.push({ id: `${slug}-db`, kind: 'database', label: `${d} DB`, group: slug });
  nodes.push({ id: `${slug}-cache`, kind: i % 3 === 2 ? 'queue' : 'cache', label: i % 3 === 2 ? `${d} jobs` : `${d} cache`, group: slug });
  edges.push({ id: `edge-${slug}`, from: i % 2 ? 'bff' : 'edge', to: svc, policy: { timeoutMs: 1000 } });
  edges.push({ id: `${slug}-db-edge`, from: svc, to: `${slug}-db`, policy: { timeoutMs: 500 } });
  if (i % 3 === 2) {
    edges.push({ id: `${slug}-jobs-edge`, from: svc, to: `${slug}-cache`, kind: 'async' });
    nodes.push({ id: `${slug}-worker`, kind: 'service', label: `${d} worker`, group: slug });
    edges.push({ id: `${slug}-worker-edge`, from: `${slug}-cache`, to: `${slug}-worker`, kind: 'async' });
  } else {
    edges.push({ id: `${slug}-cache-edge`, from: svc, to: `${slug}-cache`, policy: { timeoutMs: 100 } });
  }
}
for (const [id, label] of [['card-network', 'Card network'], ['tax-api', 'Tax API'], ['carrier-api', 'Carrier API'], ['email-provider', 'Email provider'], ['fraud-api', 'Fraud scoring']] as const) {
  nodes.push({ id, kind: 'external', label });
}
edges.push({ id: 'pay-card', from: 'payments-service', to: 'card-network', policy: { timeoutMs: 800 } });
edges.push({ id: 'pay-fraud', from: 'payments-service', to: 'fraud-api', policy: { timeoutMs: 800 } });
edges.push({ id: 'pricing-tax', from: 'pricing-service', to: 'tax-api', policy: { timeoutMs: 800 } });
edges.push({ id: 'ship-carrier', from: 'shipping-service', to: 'carrier-api', policy: { timeoutMs: 800 } });
edges.push({ id: 'acct-email', from: 'shipping-worker', to: 'email-provider', policy: { timeoutMs: 800 } });
edges.push({ id: 'checkout-pay', from: 'checkout-service', to: 'payments-service', policy: { timeoutMs: 1500 } });
edges.push({ id: 'checkout-cart', from: 'checkout-service', to: 'cart-service', policy: { timeoutMs: 500 } });
nodes.push({ id: 'events', kind: 'topic', label: 'Order events' });
edges.push({ id: 'checkout-events', from: 'checkout-service', to: 'events', kind: 'async' });
while (nodes.length < 60) {
  const n = nodes.length;
  nodes.push({ id: `audit-${n}`, kind: 'service', label: `Audit ${n}` });
  edges.push({ id: `events-audit-${n}`, from: 'events', to: `audit-${n}`, kind: 'async' });
}
const file = { format: 'faultline', version: 2, scenario: { title: 'Shop fleet (60 nodes)', settings: { durationS: 30, seed: 3, sampleIntervalS: 1 }, groups, nodes, edges, faults: [] } };
writeFileSync('e2e/data/fleet-60.json', `${JSON.stringify(file, null, 1)}\n`);
console.log(`${nodes.length} nodes, ${edges.length} edges`);
