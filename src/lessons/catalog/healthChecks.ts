import type { Lesson } from '../types';

export const healthChecks: Lesson = {
  id: 'health-checks',
  title: 'Load balancer health checks vs a crashed replica',
  tags: ['resilience'],
  summary: 'A load balancer keeps sending a third of the traffic to a dead replica until a health check takes it out.',
  setup:
    'A load balancer spreads 300 requests a second round-robin over three replicas of the catalog service. At 10 s replica 0 crashes and stays down for 20 s (it refuses connections at once). The load balancer has no health checks.',
  steps: [
    {
      text: 'Run it. Every third request goes to the dead replica and fails: a third of the users see errors for 20 s while two healthy replicas sit at half load.',
    },
    {
      text: 'Turn on active health checks: every second the load balancer probes each replica; two failed probes in a row take a replica out of rotation, two passed probes bring it back.',
      change: {
        label: 'Turn on health checks',
        edits: [{ set: 'nodes.lb.healthCheck', value: { intervalMs: 1000, timeoutMs: 500, unhealthyThreshold: 2, healthyThreshold: 2 } }],
      },
      variant: 'health-checks',
    },
    {
      text: 'Run again. About two seconds after the crash the replica is out (see the event log); the other two take all the traffic. When it restarts it is probed back in.',
    },
  ],
  takeaway:
    'A load balancer only routes around failures it can see. Give it health checks (readiness: can this replica take traffic now?) or outlier detection, with thresholds that react in seconds, and keep enough spare capacity for the replicas that remain.',
  claim: {
    text: 'While the replica is down, at most 75% of requests succeed without health checks; with them at least 95% do, and after the replica is back 100% again.',
    checks: [
      { variant: 'base', metric: { kind: 'successRatio', node: 'users', fromS: 10, toS: 30 }, atMost: 0.75 },
      { variant: 'health-checks', metric: { kind: 'successRatio', node: 'users', fromS: 10, toS: 30 }, atLeast: 0.95 },
      { variant: 'health-checks', metric: { kind: 'successRatio', node: 'users', fromS: 34, toS: 40 }, atLeast: 0.999 },
    ],
  },
  reading: ['Sam Newman, "Building Microservices", chapter on resiliency (health checks)', 'Envoy documentation, health checking and outlier detection', 'Google, "Site Reliability Engineering", chapter 20 "Load Balancing in the Datacenter"'],
  scenario: {
    title: 'Lesson: health checks',
    settings: { durationS: 40, seed: 17 },
    nodes: [
      { id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 120 }, workload: { ratePerSec: 300 } },
      { id: 'lb', kind: 'loadBalancer', label: 'Load balancer', position: { x: 280, y: 120 }, strategy: 'round-robin' },
      { id: 'catalog', kind: 'service', label: 'Catalog (3 replicas)', position: { x: 560, y: 120 }, replicas: 3, workers: 16, serviceTime: { dist: 'exponential', meanMs: 10 } },
    ],
    edges: [
      { id: 'users-lb', from: 'users', to: 'lb', policy: { timeoutMs: 2000 } },
      { id: 'lb-catalog', from: 'lb', to: 'catalog', policy: { timeoutMs: 1000 } },
    ],
    faults: [{ id: 'replica-crash', kind: 'crash', target: 'catalog', replica: 0, label: 'Replica 0 crashes', startS: 10, durationS: 20 }],
  },
};
