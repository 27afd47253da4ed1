import { useState } from 'react';
import { ServerUrlInput } from '../../../../shared/domain/views';
import {
  useGetSettingsQuery,
  useSetServerUrlMutation,
  useSetStartWithComputerMutation,
  useTestConnectionMutation,
} from '../../api/shopfloorApi';
import { FieldError } from '../../components/FieldError';
import { disabledBecause } from '../../components/disabledBecause';

/** Why the address cannot be changed here: said under the field and on each greyed-out control. */
const SERVER_FIXED = 'Set by your IT department for this computer.';

/** The sync server (with "Test connection") and starting with the computer. */
export function SettingsPanel() {
  const { data: settings } = useGetSettingsQuery();
  const [test, testState] = useTestConnectionMutation();
  const [save, saveState] = useSetServerUrlMutation();
  const [setStart] = useSetStartWithComputerMutation();
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!settings) return null;
  const value = url ?? (settings.demoServer ? '' : (settings.serverUrl ?? ''));

  const checked = () => {
    const parsed = ServerUrlInput.safeParse({ url: value });
    setProblem(parsed.success ? null : parsed.error.issues[0]!.message);
    return parsed.success;
  };
  const result = saveState.isSuccess ? 'Saved. Shopfloor now syncs with this server.' : testState.data?.message;

  return (
    <form noValidate aria-label="Settings" className="edit-form" onSubmit={(e) => e.preventDefault()}>
      <p>
        {settings.demoServer
          ? 'Now syncing with the demo server inside this app (demo data only). Enter your shop’s server to use real data.'
          : settings.serverUrl
            ? `Syncing with ${settings.serverUrl}.`
            : 'No sync server is set up.'}
      </p>
      <label>
        Sync server address
        <input
          value={value}
          placeholder="https://shopfloor.example.com"
          {...disabledBecause(settings.serverFixed && SERVER_FIXED)}
          onChange={(e) => setUrl(e.target.value)}
          aria-describedby="server-url-help server-url-error"
        />
      </label>
      <p id="server-url-help" className="muted">
        {settings.serverFixed ? SERVER_FIXED : 'Ask your supervisor or IT for this address.'}
      </p>
      <FieldError id="server-url-error" message={problem ?? saveState.error?.message ?? testState.error?.message} />
      {result && (
        <p className={testState.data?.ok === false && !saveState.isSuccess ? 'field-error' : 'saved'} role="status">
          {result}
        </p>
      )}
      <div className="button-row">
        <button type="button" {...disabledBecause(settings.serverFixed && SERVER_FIXED)} onClick={() => checked() && void test(value)}>
          Test connection
        </button>
        <button type="button" className="primary" {...disabledBecause(settings.serverFixed && SERVER_FIXED, saveState.isLoading && 'The address is being saved.')} onClick={() => checked() && void save(value)}>
          Save server
        </button>
      </div>
      {settings.startWithComputerSupported && (
        <label className="inline-field">
          <input type="checkbox" checked={settings.startWithComputer} onChange={(e) => void setStart(e.target.checked)} />
          Start Shopfloor when the computer starts
        </label>
      )}
    </form>
  );
}
