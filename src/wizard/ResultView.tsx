import { useEffect, useMemo, useRef, useState } from 'react';
import { decisionRecord, decisionRecordFileName } from './adr';
import { adviseDesign } from './advisors';
import { AdvisorsView } from './AdvisorsView';
import type { Answers } from './answers';
import { AnswerRefs } from './AnswerRefs';
import { openInEditor } from './openInEditor';
import { recommend, type Reason } from './recommend';
import { OUTCOME_LABELS } from './rules';
import { ShareLinkButton } from './ShareLink';

export type Download = (fileName: string, text: string, mime: string) => void;

interface Props {
  readonly answers: Answers;
  readonly onChange: (step: number) => void;
  readonly onBack: () => void;
  readonly onStartOver: () => void;
  readonly onOpened: () => void;
  readonly download: Download;
}

function ReasonList({ reasons, answers, onChange, label }: { reasons: readonly Reason[]; answers: Answers; onChange: (step: number) => void; label: string }) {
  return (
    <ul className="wizard-reasons" aria-label={label}>
      {reasons.map((r) => (
        <li key={r.id} className={`wizard-reason wizard-reason--${r.stance}`}>
          <p>
            {r.text}
            {r.favours ? <span className="wizard-tag">favours {OUTCOME_LABELS[r.favours].toLowerCase()}</span> : null} <cite>{r.source}</cite>
          </p>
          <AnswerRefs keys={r.answers} answers={answers} onChange={onChange} />
        </li>
      ))}
    </ul>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

/** The verdict with its confidence, reasons, contradictions, checklist, risks and advice. */
export function ResultView({ answers, onChange, onBack, onStartOver, onOpened, download }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useMemo(() => recommend(answers), [answers]);
  const design = useMemo(() => adviseDesign(answers, result.outcome), [answers, result.outcome]);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);

  const forIt = result.reasons.filter((r) => r.stance === 'for');
  const against = result.reasons.filter((r) => r.stance !== 'for');
  const missing = result.prerequisites.filter((p) => !p.met).length;
  const splits = result.outcome === 'microservices' || result.outcome === 'strangler-fig';
  const open = () => {
    const why = openInEditor(answers, result.outcome);
    setProblem(why);
    if (!why) onOpened();
  };

  return (
    <div className="wizard-result">
      <div className={`wizard-verdict wizard-verdict--${result.outcome}`}>
        <p className="wizard-verdict__lead">Our recommendation</p>
        <h2 ref={heading} tabIndex={-1} id="wizard-verdict">
          {OUTCOME_LABELS[result.outcome]}
        </h2>
        <div className="wizard-confidence">
          <span>
            Confidence: <strong>{result.confidence.percent}%</strong> ({result.confidence.level})
          </span>
          <meter min={0} max={100} low={45} high={65} optimum={100} value={result.confidence.percent} aria-label="Confidence" />
          {result.runnerUp ? <span className="wizard-muted">Next best: {OUTCOME_LABELS[result.runnerUp]}</span> : null}
        </div>
        <div className="wizard-actions" role="group" aria-label="Result actions">
          <button type="button" className="wizard-primary" onClick={open}>
            Open in editor
          </button>
          <button type="button" onClick={() => download(decisionRecordFileName(result.outcome), decisionRecord(answers, today()), 'text/markdown')}>
            Export decision record (Markdown)
          </button>
          <ShareLinkButton answers={answers} />
          <span className="wizard-nav__spacer" />
          <button type="button" onClick={onBack}>
            Back
          </button>
          <button type="button" onClick={onStartOver}>
            Start over
          </button>
        </div>
        {problem ? (
          <p role="alert" className="wizard-notice wizard-notice--error">
            {problem}
          </p>
        ) : null}
      </div>

      {result.tensions.length ? (
        <section className="wizard-section wizard-tensions" aria-labelledby="wizard-tensions">
          <h3 id="wizard-tensions">Answers that pull in opposite directions ({result.tensions.length})</h3>
          <ul className="wizard-reasons" aria-label="Contradictions">
            {result.tensions.map((t) => (
              <li key={t.id} className="wizard-reason wizard-reason--tension">
                <p>{t.text}</p>
                <AnswerRefs keys={t.answers} answers={answers} onChange={onChange} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="wizard-result__grid">
        <section className="wizard-section" aria-labelledby="wizard-why">
          <h3 id="wizard-why">Why</h3>
          <ReasonList reasons={forIt} answers={answers} onChange={onChange} label="Reasons for it" />
          {against.length ? (
            <>
              <h4>What weighs against it, or points elsewhere</h4>
              <ReasonList reasons={against} answers={answers} onChange={onChange} label="Reasons against it" />
            </>
          ) : null}
        </section>

        <div>
          <section className="wizard-section" aria-labelledby="wizard-prereqs">
            <h3 id="wizard-prereqs">
              {splits ? 'Prerequisites' : 'Before you extract a service later'} ({missing ? `${missing} missing` : 'all met'})
            </h3>
            <ul className="wizard-checklist" aria-label="Prerequisites checklist">
              {result.prerequisites.map((p) => (
                <li key={p.id} className={p.met ? 'is-met' : 'is-missing'}>
                  <span className="wizard-check" aria-hidden="true">
                    {p.met ? '\u2713' : ''}
                  </span>
                  <span>
                    {p.text} <span className="sr-only">{p.met ? '(in place)' : '(missing)'}</span>
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section className="wizard-section" aria-labelledby="wizard-risks">
            <h3 id="wizard-risks">Risks</h3>
            {result.risks.length ? (
              <ul className="wizard-risks">
                {result.risks.map((r) => (
                  <li key={r.id}>
                    <strong>{r.title}.</strong> {r.text} <cite>{r.source}</cite>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="wizard-muted">None of the named risks applies to these answers.</p>
            )}
          </section>
        </div>
      </div>

      <AdvisorsView design={design} />
    </div>
  );
}
