import { describe, expect, it } from 'vitest';
import { decisionRecord, decisionRecordFileName } from './adr';
import { LEGACY, PLATFORM, STARTUP } from './sampleAnswers';

const sections = (md: string) => md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));

describe('the decision record', () => {
  it('has the sections of an ADR: context, options, decision, consequences and the answers', () => {
    const md = decisionRecord(PLATFORM, '2025-01-31');
    expect(md.split('\n')[0]).toBe('# ADR: Microservices for Orders, Payments, Inventory, Shipping, Notifications, Reporting');
    expect(md).toContain('- Date: 2025-01-31');
    expect(sections(md)).toEqual(['Context', 'Options considered', 'Decision', 'Consequences', 'Answers']);
    expect(md).toContain('We choose **Microservices**.');
    expect(md).toContain('60 developers in 6 teams build a system with 6 business capabilities.');
  });

  it('lists all four options, marks the chosen one and says which do not apply', () => {
    const md = decisionRecord(STARTUP, '2025-01-31');
    expect(md).toContain('- **Monolith** (chosen):');
    expect(md).toContain('- **Strangler-fig migration**: Keep the existing system running');
    expect(md).toContain('not applicable: there is no existing system to migrate');
  });

  it('links each reason to its answers and shows the prerequisites as a checklist', () => {
    const md = decisionRecord(LEGACY, '2025-01-31');
    expect(md).toMatch(/- Your existing monolith slows you down.*\(from: Existing monolith; see Martin Fowler, StranglerFigApplication\)/);
    expect(md).toContain('- [x] Rapid, automated deployment (CI/CD)');
    expect(md).toContain('- [ ] Distributed tracing and correlated logs');
    expect(md).toContain('1. Pick one bounded context: Notifications.');
    expect(md).toContain('- Risk: **Microservices need mature DevOps**.');
  });

  it('ends with a table of every answer', () => {
    const md = decisionRecord(STARTUP, '2025-01-31');
    const table = md.slice(md.indexOf('## Answers'));
    expect(table).toContain('| Question | Answer |');
    expect(table).toContain('| Developers | 3 |');
    expect(table).toContain('| Bounded contexts | Not yet |');
    expect(table.trim().split('\n').filter((l) => l.startsWith('| ')).length).toBe(2 + 12);
  });

  it('is named after the verdict', () => {
    expect(decisionRecordFileName('strangler-fig')).toBe('adr-strangler-fig.md');
  });
});
