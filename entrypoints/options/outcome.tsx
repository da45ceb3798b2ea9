// What an action on the options page came to: said once, in one place (role status or alert).

export type Outcome = { kind: 'ok'; message: string; details?: string[] } | { kind: 'problems'; message: string; problems: string[] } | null;

export function OutcomeView({ outcome, id }: { outcome: Outcome; id?: string }) {
  if (outcome === null) return <div id={id} />;
  if (outcome.kind === 'ok') {
    return (
      <div id={id} class="ok" role="status">
        <p>{outcome.message}</p>
        {outcome.details && outcome.details.length > 0 ? (
          <ul>
            {outcome.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return (
    <div id={id} class="problems" role="alert">
      <p>{outcome.message}</p>
      <ul>
        {outcome.problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
