import { useState } from 'react';
import { disabledBecause } from '../../components/disabledBecause';
import { NewWorkRequestInput, URGENCY_LABELS, WORK_REQUEST_URGENCIES, type WorkRequestUrgency } from '../../../../shared/domain/workRequest';
import type { Asset } from '../../../../shared/domain/views';
import { shopfloorApi, useCreateWorkRequestMutation, useListAssetsQuery, useListWorkRequestsQuery } from '../../api/shopfloorApi';
import { useAppDispatch } from '../../app/hooks';
import { FieldError } from '../../components/FieldError';
import { fieldErrors } from '../../components/forms';
import { formatDateTime } from '../workOrders/format';
import { outcomeSentence } from './outcomeSentence';

/**
 * "Report a problem", from the sign-in (or lock) screen, without an account:
 * the operator scans or picks the machine, says what is wrong, how urgent,
 * whether it has stopped, and who they are. Saved on this computer at once and
 * sent by the sync worker; the outcome (a work order number, or why it was
 * declined) shows below when it comes back.
 */
export function ReportProblemScreen({ onBack }: { onBack: () => void }) {
  const [create, { isLoading, error }] = useCreateWorkRequestMutation();
  const dispatch = useAppDispatch();
  const [name, setName] = useState('');
  const [assetText, setAssetText] = useState('');
  const [asset, setAsset] = useState<Asset | null>(null);
  const [description, setDescription] = useState('');
  const [urgency, setUrgency] = useState<WorkRequestUrgency | null>(null);
  const [stopped, setStopped] = useState<boolean | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<string | null>(null);
  const { data: matches } = useListAssetsQuery({ search: assetText, limit: 6 }, { skip: !assetText.trim() || asset !== null });
  const { data: mine } = useListWorkRequestsQuery({ scope: 'thisComputer', limit: 5 });
  /** An answer given: its "missing" sentence goes. */
  const answered = (field: string) => setErrors(({ [field]: _gone, ...rest }) => rest);

  /** A scanner types the tag and Enter (so may a person): take the asset with exactly that tag, from this computer. */
  const scanned = async () => {
    const code = assetText.trim();
    if (!code) return;
    const request = dispatch(shopfloorApi.endpoints.listAssets.initiate({ search: code, limit: 20 }, { subscribe: false }));
    const page = await request.unwrap().catch(() => null);
    const match = page?.items.find((a) => a.tag.toLowerCase() === code.toLowerCase());
    if (match) {
      setAsset(match);
      answered('assetId');
    } else setErrors((e) => ({ ...e, assetId: `No machine with the tag “${code}” is on this computer. Type part of its name and choose it below.` }));
  };

  const submit = () => {
    const input = { assetId: asset?.id ?? '', description, urgency: urgency ?? undefined, machineStopped: stopped ?? undefined, requestedBy: name };
    const parsed = NewWorkRequestInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    void create(parsed.data)
      .unwrap()
      .then((request) => {
        setSent(`Thank you. Your request about ${request.assetTag} is saved and goes to maintenance.`);
        setAsset(null);
        setAssetText('');
        setDescription('');
        setUrgency(null);
        setStopped(null);
      })
      .catch(() => undefined);
  };

  return (
    <main className="form-screen report-problem">
      <div className="report-head">
        <h1>Report a problem</h1>
        <button type="button" onClick={onBack}>
          Back to sign-in
        </button>
      </div>
      {sent && (
        <p role="status" className="report-sent">
          {sent}
        </p>
      )}
      {!!mine?.items.length && (
        <section aria-labelledby="my-reports-title" className="my-reports">
          <h2 id="my-reports-title">Reported on this computer</h2>
          <ul>
            {mine.items.map((r) => (
              <li key={r.id} className={`report-outcome outcome-${r.status}`}>
                <span>{outcomeSentence(r)}</span>
                <span className="muted">
                  {r.requestedBy}, {formatDateTime(r.reportedAt)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form
        noValidate
        aria-label="Report a problem"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label>
          Your name
          <input value={name} autoComplete="off" onChange={(e) => {
              setName(e.target.value);
              answered('requestedBy');
            }} aria-describedby="requestedBy-error" />
        </label>
        <FieldError id="requestedBy-error" message={errors.requestedBy} />

        <fieldset>
          <legend>Which machine?</legend>
          {asset ? (
            <p className="chosen-asset">
              <strong>{asset.tag}</strong> {asset.name}
              <span className="muted"> {asset.location}</span>
              <button type="button" onClick={() => setAsset(null)}>
                Change
              </button>
            </p>
          ) : (
            <>
              <label>
                Scan the tag, or type a tag or name
                <input
                  type="search"
                  value={assetText}
                  onChange={(e) => setAssetText(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter') return;
                    e.preventDefault();
                    void scanned();
                  }}
                  aria-describedby="assetId-error"
                />
              </label>
              {assetText.trim() !== '' && !!matches?.items.length && (
                <ul className="asset-choices" aria-label="Matching machines">
                  {matches.items.map((a) => (
                    <li key={a.id}>
                      <button
                        type="button"
                        onClick={() => {
                          setAsset(a);
                          answered('assetId');
                        }}
                      >
                        <strong>{a.tag}</strong> {a.name}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          <FieldError id="assetId-error" message={errors.assetId} />
        </fieldset>

        <label>
          What is wrong?
          <textarea value={description} rows={4} onChange={(e) => {
              setDescription(e.target.value);
              answered('description');
            }} aria-describedby="description-error" />
        </label>
        <FieldError id="description-error" message={errors.description} />

        <fieldset>
          <legend>Has the machine stopped?</legend>
          <div className="big-choices">
            <button type="button" aria-pressed={stopped === true} onClick={() => {
                setStopped(true);
                answered('machineStopped');
              }}>
              Yes, it stopped
            </button>
            <button type="button" aria-pressed={stopped === false} onClick={() => {
                setStopped(false);
                answered('machineStopped');
              }}>
              No, it still runs
            </button>
          </div>
          <FieldError id="machineStopped-error" message={errors.machineStopped} />
        </fieldset>

        <fieldset>
          <legend>How urgent?</legend>
          <div className="big-choices">
            {WORK_REQUEST_URGENCIES.map((u) => (
              <button key={u} type="button" aria-pressed={urgency === u} onClick={() => {
                  setUrgency(u);
                  answered('urgency');
                }}>
                {URGENCY_LABELS[u]}
              </button>
            ))}
          </div>
          <FieldError id="urgency-error" message={errors.urgency} />
        </fieldset>

        <FieldError id="form-error" message={error?.message} />
        <button type="submit" className="primary send-report" {...disabledBecause(isLoading && 'Your report is being saved.')}>
          {isLoading ? 'Saving…' : 'Send to maintenance'}
        </button>
      </form>

    </main>
  );
}
