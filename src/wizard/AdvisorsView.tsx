import type { Advice, DesignAdvice } from './advisors';
import { ROLE_LABELS } from './questions';

function AdviceList({ items }: { items: readonly Advice[] }) {
  return (
    <ul className="wizard-advice">
      {items.map((item) => (
        <li key={item.title}>
          <strong>{item.title}.</strong> {item.text} <cite>{item.source}</cite>
        </li>
      ))}
    </ul>
  );
}

/** The four design advisors: decomposition, communication per interaction, data, resilience. */
export function AdvisorsView({ design }: { design: DesignAdvice }) {
  const { decomposition, communication, data, resilience } = design;
  return (
    <section className="wizard-section wizard-advisors" aria-labelledby="wizard-advisors-title">
      <h3 id="wizard-advisors-title">Design advice</h3>
      <div className="wizard-advisors__grid">
        <section aria-labelledby="wizard-advice-decomposition">
          <h4 id="wizard-advice-decomposition">Decomposition</h4>
          <p>
            <strong>{decomposition.title}.</strong> {decomposition.text} <cite>{decomposition.source}</cite>
          </p>
          {decomposition.steps.length ? (
            <ol className="wizard-steps">
              {decomposition.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          ) : null}
        </section>
        <section aria-labelledby="wizard-advice-data">
          <h4 id="wizard-advice-data">Data</h4>
          <AdviceList items={data} />
        </section>
        <section className="wizard-advisors__wide" aria-labelledby="wizard-advice-communication">
          <h4 id="wizard-advice-communication">Communication, per interaction</h4>
          <table className="wizard-table">
            <thead>
              <tr>
                <th scope="col">Capability</th>
                <th scope="col">Reached by</th>
                <th scope="col">Pattern</th>
                <th scope="col">Why, and the price</th>
              </tr>
            </thead>
            <tbody>
              {communication.map((c) => (
                <tr key={c.capability}>
                  <th scope="row">{c.capability}</th>
                  <td>{ROLE_LABELS[c.role]}</td>
                  <td>
                    <strong>{c.pattern}</strong>
                  </td>
                  <td>
                    {c.why} <span className="wizard-muted">{c.tradeoff}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="wizard-advisors__wide" aria-labelledby="wizard-advice-resilience">
          <h4 id="wizard-advice-resilience">Resilience</h4>
          <AdviceList items={resilience} />
        </section>
      </div>
    </section>
  );
}
