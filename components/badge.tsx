// A pupil's tier and colour-band badge, shown beside the name on registers,
// pupil lists and records: tier, band name and colour (never colour alone),
// attendance, and the policy's next steps on hover or focus.

import type { Band, Tier } from '../rules/policy/schema';

export interface BadgeView {
  readonly upn: string;
  readonly name: string;
  /** Year-to-date attendance, per cent. */
  readonly attendance: number;
  readonly band: Band | null;
  readonly tier: Tier | null;
  /** Where the figure came from and how old it is; null when this page shows it. */
  readonly from: string | null;
  /** Whether the badge is a tab stop: not on registers, where teachers tab between cells. */
  readonly focusable: boolean;
}

/** Attendance as the DfE publishes it: one decimal place, rounded down so 89.96% is not shown as 90.0%. */
export function formatAttendance(percent: number): string {
  return `${(Math.floor(percent * 10 + 1e-9) / 10).toFixed(1)}%`;
}

export function Badge({ view }: { view: BadgeView }) {
  const { tier, band } = view;
  const steps = tier && tier.nextSteps.length > 0 ? `. Next steps: ${tier.nextSteps.join('; ')}` : '';
  const label = `${view.name}: attendance ${formatAttendance(view.attendance)}${band ? `, band ${band.name}` : ''}${tier ? `, tier ${tier.level} ${tier.name}` : ''}${steps}`;
  return (
    <span
      class="badge"
      data-upn={view.upn}
      data-tier={tier === null ? '' : String(tier.level)}
      data-band={band === null ? '' : band.name}
      tabindex={view.focusable ? 0 : -1}
      role="note"
      aria-label={label}
    >
      {band ? <span class="swatch" style={{ background: band.colour }} aria-hidden="true" /> : null}
      <span aria-hidden="true">
        {tier ? `T${tier.level} · ` : ''}
        {band ? `${band.name} · ` : ''}
        {formatAttendance(view.attendance)}
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
        <p>
          Attendance this year: {formatAttendance(view.attendance)}
          , {view.from ?? 'as this page shows'}
        </p>
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
