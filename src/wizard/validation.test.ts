import { describe, expect, it } from 'vitest';
import { QUESTIONS, describeAnswer, stepOf } from './questions';
import { STARTUP } from './sampleAnswers';
import { firstUnanswered, guessRole, parseCapabilities, stepProblems } from './validation';

const question = (id: string) => {
  const q = QUESTIONS.find((x) => x.id === id);
  if (!q) throw new Error(id);
  return q;
};

describe('the questions', () => {
  it('are eleven screens, each with a why-we-ask line', () => {
    expect(QUESTIONS).toHaveLength(11);
    for (const q of QUESTIONS) expect(q.why.length).toBeGreaterThan(40);
  });

  it('find the step that asks each answer', () => {
    expect(stepOf('developers')).toBe(0);
    expect(stepOf('requirements')).toBe(4);
    expect(stepOf('capabilities')).toBe(9);
  });

  it('describe answers in words', () => {
    expect(describeAnswer('domain', STARTUP)).toBe('Not yet');
    expect(describeAnswer('ops', STARTUP)).toBe('Rapid, automated deployment');
    expect(describeAnswer('ops', { ops: [] })).toBe('none of the five');
    expect(describeAnswer('capabilities', STARTUP)).toBe('Catalog (user request and response), Orders (user request and response), Notifications (reacts to events from others)');
    expect(describeAnswer('latency', {})).toBe('not answered');
  });
});

describe('step validation', () => {
  it('asks for a choice on a radio question and for whole numbers on the team question', () => {
    expect(stepProblems(question('domain'), {})).toEqual({ domain: 'Choose one answer.' });
    expect(stepProblems(question('team'), { developers: 2.5 })).toEqual({
      developers: 'Enter a whole number from 1 to 10000.',
      teams: 'Enter a whole number from 1 to 10000.',
    });
    expect(stepProblems(question('team'), { developers: 3, teams: 1 })).toEqual({});
  });

  it('refuses more teams than developers', () => {
    expect(stepProblems(question('team'), { developers: 2, teams: 5 })).toEqual({ teams: 'There cannot be more teams (5) than developers (2).' });
  });

  it('finds the first question still to answer', () => {
    expect(firstUnanswered({})).toBe(0);
    expect(firstUnanswered(STARTUP)).toBe(-1);
    const { ops: _ops, ...withoutOps } = STARTUP;
    expect(firstUnanswered(withoutOps)).toBe(7);
    expect(firstUnanswered({ ...STARTUP, teams: 9 })).toBe(0);
  });

  it('lets the practices question pass with nothing ticked', () => {
    expect(stepProblems(question('ops'), {})).toEqual({});
  });

  it('needs at least one valid, distinct capability', () => {
    expect(stepProblems(question('capabilities'), {}).capabilities).toMatch(/at least one/);
    expect(stepProblems(question('capabilities'), { capabilities: parseCapabilities('orders, Orders', []) }).capabilities).toBe('"Orders" is listed twice.');
    expect(stepProblems(question('capabilities'), { capabilities: parseCapabilities('orders, <script>', []) }).capabilities).toMatch(/only letters/);
    expect(stepProblems(question('capabilities'), { capabilities: parseCapabilities('a,b,c,d,e,f,g,h,i,j,k,l,m', []) }).capabilities).toMatch(/at most 12/);
  });
});

describe('capabilities as typed', () => {
  it('splits on commas, tidies spaces, capitalises and guesses how each is reached', () => {
    expect(parseCapabilities(' orders,  payments ,,inventory, shipping,   email   notifications ', [])).toEqual([
      { name: 'Orders', role: 'request' },
      { name: 'Payments', role: 'request' },
      { name: 'Inventory', role: 'request' },
      { name: 'Shipping', role: 'background' },
      { name: 'Email notifications', role: 'notification' },
    ]);
  });

  it('keeps the role already chosen for a name when the list is edited', () => {
    const before = [{ name: 'Orders', role: 'realtime' as const }];
    expect(parseCapabilities('orders, search', before)).toEqual([
      { name: 'Orders', role: 'realtime' },
      { name: 'Search', role: 'replication' },
    ]);
  });

  it.each([
    ['Live tracking', 'realtime'],
    ['Telemetry ingest', 'throughput'],
    ['Reporting', 'replication'],
    ['Catalog', 'request'],
    ['Delivery', 'background'],
    ['Membership', 'request'],
  ] as const)('guesses that %s is reached as %s', (name, role) => {
    expect(guessRole(name)).toBe(role);
  });
});
