/** How the last save went: an error is an alert, success a polite status. */
export type SaveOutcome = { kind: 'ok' | 'error'; text: string };

/**
 * The messages under a grid's toolbar that every editable grid shows alike: why Save is
 * disabled (referenced by the Save button's aria-describedby), how the last save went, and a
 * live region that reads out what a keyboard command did.
 */
export function SaveMessages(props: {
  blockedReason: string | null;
  hintId: string;
  outcome: SaveOutcome | null;
  announcement: string;
}) {
  const { outcome } = props;
  return (
    <>
      {props.blockedReason ? (
        <p id={props.hintId} className="grid-save-hint">
          {props.blockedReason}
        </p>
      ) : null}
      {outcome ? (
        <p
          role={outcome.kind === 'error' ? 'alert' : 'status'}
          className={outcome.kind === 'error' ? 'form-error' : 'form-success'}
        >
          {outcome.text}
        </p>
      ) : null}
      <p role="status" className="sr-only">
        {props.announcement}
      </p>
    </>
  );
}
