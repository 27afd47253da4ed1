/** The way into "Report a problem" without an account: on the sign-in screen, and on the lock screen. */
export function ReportProblemButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="report-problem-button" onClick={onClick}>
      Report a problem
      <span className="muted"> no sign-in needed</span>
    </button>
  );
}
