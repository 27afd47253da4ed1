import { useGetDiagnosticsInfoQuery, useSaveDiagnosticsMutation } from '../../api/shopfloorApi';
import { disabledBecause } from '../../components/disabledBecause';

/**
 * More → Settings → "Save diagnostics…": one zip for IT (logs, sync history,
 * journal check, versions; tokens, passwords and notes taken out). The native
 * save dialog asks where; this says where it went, or why not.
 */
export function DiagnosticsPanel() {
  const { data: info } = useGetDiagnosticsInfoQuery();
  const [save, state] = useSaveDiagnosticsMutation();
  const saved = state.data?.saved ? state.data : null;
  return (
    <section aria-labelledby="diagnostics-heading" className="edit-form">
      <h2 id="diagnostics-heading">Diagnostics for IT</h2>
      <p className="muted">
        When IT asks for it: one file with the app’s logs, sync history and a check of the data on this computer. Sign-in
        tokens, passwords and the text of notes and descriptions are left out.
      </p>
      {info?.latestCrashAt && <p>A crash report from {new Date(info.latestCrashAt).toLocaleString()} will be included.</p>}
      <div className="button-row">
        <button type="button" {...disabledBecause(state.isLoading && 'Diagnostics are being saved.')} onClick={() => void save()}>
          {state.isLoading ? 'Saving diagnostics…' : 'Save diagnostics…'}
        </button>
      </div>
      {saved && (
        <p className="saved" role="status">
          Diagnostics saved to {saved.path}. Send this file to your IT department.
        </p>
      )}
      {state.error && (
        <p className="field-error" role="alert">
          {state.error.message}
        </p>
      )}
    </section>
  );
}
