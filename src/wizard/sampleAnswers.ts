import type { Answers } from './answers';

/** Typical answers for each verdict: the tests (unit, engine, browser) walk these. */
export const STARTUP: Answers = {
  developers: 3,
  teams: 1,
  domain: 'unknown',
  deploy: 'none',
  scaling: 'none',
  deadline: 'tight',
  requirements: 'unknown',
  consistency: 'local',
  latency: 'tolerant',
  ops: ['automatedDeploy'],
  monolith: 'none',
  capabilities: [
    { name: 'Catalog', role: 'request' },
    { name: 'Orders', role: 'request' },
    { name: 'Notifications', role: 'notification' },
  ],
};

export const SCALE_UP: Answers = {
  developers: 8,
  teams: 2,
  domain: 'partial',
  deploy: 'some',
  scaling: 'some',
  deadline: 'normal',
  requirements: 'changing',
  consistency: 'some',
  latency: 'sensitive',
  ops: ['automatedDeploy', 'monitoring', 'provisioning'],
  monolith: 'none',
  capabilities: [
    { name: 'Orders', role: 'request' },
    { name: 'Payments', role: 'request' },
    { name: 'Inventory', role: 'request' },
    { name: 'Shipping', role: 'background' },
  ],
};

export const PLATFORM: Answers = {
  developers: 60,
  teams: 6,
  domain: 'clear',
  deploy: 'strong',
  scaling: 'strong',
  deadline: 'relaxed',
  requirements: 'settled',
  consistency: 'local',
  latency: 'tolerant',
  ops: ['automatedDeploy', 'monitoring', 'tracing', 'onCall', 'provisioning'],
  monolith: 'none',
  capabilities: [
    { name: 'Orders', role: 'request' },
    { name: 'Payments', role: 'request' },
    { name: 'Inventory', role: 'request' },
    { name: 'Shipping', role: 'background' },
    { name: 'Notifications', role: 'notification' },
    { name: 'Reporting', role: 'replication' },
  ],
};

export const LEGACY: Answers = {
  developers: 25,
  teams: 4,
  domain: 'clear',
  deploy: 'strong',
  scaling: 'strong',
  deadline: 'normal',
  requirements: 'settled',
  consistency: 'some',
  latency: 'sensitive',
  ops: ['automatedDeploy', 'monitoring', 'onCall', 'provisioning'],
  monolith: 'hurting',
  capabilities: [
    { name: 'Orders', role: 'request' },
    { name: 'Payments', role: 'request' },
    { name: 'Inventory', role: 'request' },
    { name: 'Notifications', role: 'notification' },
  ],
};
