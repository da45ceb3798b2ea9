// A pupil's tier and colour-band badge, shown beside the name on registers,
// pupil lists and records: a fixed-width tier mark edged in the band's colour,
// which keeps the page's rows as they were; the band (by name: colour is never
// the only signal), attendance and the policy's next steps on hover or focus,
// closed again by Escape.

import { Component } from 'preact';
import type { Band, Tier } from '../rules/policy/schema';

export interface BadgeView {
  readonly upn: string;
  readonly name: string;
  /** Year-to-date attendance, per cent. */
  readonly attendance: number;
  readonly band: Band | null;
  readonly tier: Tier | null;
  /** Where the figure came from and how old it is ('' to say nothing of it); null when this page shows the percentage, which the badge then leaves out. */
  readonly from: string | null;
  /** Whether the badge is a tab stop: not on registers, where teachers tab between cells. */
  readonly focusable: boolean;
}

/** Attendance as the DfE publishes it: one decimal place, rounded down so 89.96% is not shown as 90.0%. */
export function formatAttendance(percent: number): string {
  return `${(Math.floor(percent * 10 + 1e-9) / 10).toFixed(1)}%`;
}

/** Details shown on hover or focus close on Escape, wherever focus is (WCAG 1.4.13); moving away opens them again. */
export class Badge extends Component<{ view: BadgeView }, { quiet: boolean }> {
  #escape = (e: Event) => {
    if ((e as KeyboardEvent).key === 'Escape') this.setState({ quiet: true });
  };
  /** While the pointer is over the badge, Escape is heard wherever focus is (a register cell, say). */
  #listen = (on: boolean) => {
    document[on ? 'addEventListener' : 'removeEventListener']('keydown', this.#escape, true);
    if (!on) this.setState({ quiet: false });
  };

  override componentWillUnmount() {
    this.#listen(false);
  }

  override render() {
    const { view } = this.props;
    const { tier, band, from } = view;
    const figure = from === null ? '' : formatAttendance(view.attendance);
    const steps = tier && tier.nextSteps.length > 0 ? `. Next steps: ${tier.nextSteps.join('; ')}` : '';
    const label = `${view.name}:${figure ? ` attendance ${figure},` : ''}${band ? ` band ${band.name},` : ''}${tier ? ` tier ${tier.level} ${tier.name}` : ' no tier'}${steps}`;
    return (
      <span
        class={`badge${this.state.quiet ? ' quiet' : ''}`}
        data-upn={view.upn}
        data-tier={tier === null ? '' : String(tier.level)}
        data-band={band === null ? '' : band.name}
        tabindex={view.focusable ? 0 : -1}
        role="note"
        aria-label={label}
        onMouseEnter={() => this.#listen(true)}
        onMouseLeave={() => this.#listen(false)}
        onKeyDown={this.#escape}
        onBlur={() => this.setState({ quiet: false })}
      >
        <span class="mark" aria-hidden="true" style={band ? { borderLeftColor: band.colour } : undefined}>
          {tier ? `T${tier.level}` : '–'}
        </span>
        <span class="details" aria-hidden="true">
          <p>
            <strong>{tier ? `Tier ${tier.level}: ${tier.name}` : 'No tier'}</strong>
          </p>
          {tier?.description ? <p>{tier.description}</p> : null}
          {band ? (
            <p>
              Band: {band.name}
              {band.meaning ? ` (${band.meaning})` : ''}
            </p>
          ) : null}
          {figure ? (
            <p>
              Attendance this year: {figure}
              {from ? `, ${from}` : ''}
            </p>
          ) : null}
          {tier && tier.nextSteps.length > 0 ? (
            <>
              <p>Next steps:</p>
              <ul>
                {tier.nextSteps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ul>
            </>
          ) : null}
        </span>
      </span>
    );
  }
}
