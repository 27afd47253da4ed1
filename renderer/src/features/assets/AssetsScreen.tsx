import { useEffect, useState } from 'react';
import { useGetAssetQuery, useListAssetsQuery } from '../../api/shopfloorApi';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { navigated } from '../../app/navigationSlice';
import { VirtualList } from '../../components/VirtualList';
import { formatCount, formatDate } from '../workOrders/format';
import { StatusBadge } from '../workOrders/StatusBadge';
import { LocalStateBadge } from '../workOrders/LocalStateBadge';
import { assetFilterChanged, workOrderSelected } from '../workOrders/workOrdersSlice';

const PAGE_SIZE = 100;

/** Assets: search and list on the left, the chosen asset with its work orders on the right. */
export function AssetsScreen() {
  const route = useAppSelector((state) => state.navigation.route);
  const selected = route.name === 'asset' ? route.id : null;
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text]);
  const first = useListAssetsQuery({ search, offset: 0, limit: PAGE_SIZE });
  const total = first.data?.total ?? 0;

  return (
    <main className="work-orders-screen">
      <h1 className="visually-hidden">Assets</h1>
      <div className="filters">
        <label className="search">
          <span className="visually-hidden">Search assets</span>
          <input type="search" placeholder="Search by tag, name or location" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </div>
      <div className="split">
        <section className="work-order-list" aria-labelledby="asset-list-heading">
          <h2 id="asset-list-heading" className="list-count" aria-live="polite">
            {`${formatCount(total)} ${total === 1 ? 'asset' : 'assets'}${search ? ` ${total === 1 ? 'matches' : 'match'} “${search}”` : ''}`}
          </h2>
          <VirtualList
            label="Assets"
            total={total}
            rowHeight={64}
            resetKey={search}
            renderRow={(index) => <AssetRow index={index} search={search} selected={selected} />}
          />
        </section>
        {selected ? (
          <AssetDetail id={selected} />
        ) : (
          <aside className="detail empty" aria-label="Asset">
            <p>Select an asset, or scan its tag.</p>
          </aside>
        )}
      </div>
    </main>
  );
}

function AssetRow({ index, search, selected }: { index: number; search: string; selected: string | null }) {
  const dispatch = useAppDispatch();
  const pageStart = Math.floor(index / PAGE_SIZE) * PAGE_SIZE;
  const { data } = useListAssetsQuery({ search, offset: pageStart, limit: PAGE_SIZE });
  const asset = data?.items[index - pageStart];
  if (!asset) return <div className="row-placeholder" aria-hidden="true" />;
  return (
    <button
      type="button"
      className="row-button"
      data-index={index}
      aria-current={asset.id === selected ? 'true' : undefined}
      onClick={() => dispatch(navigated({ name: 'asset', id: asset.id }))}
    >
      <span className="row-main">
        <span className="row-number">{asset.tag}</span>
        <span className="row-title">{asset.name}</span>
      </span>
      <span className="row-meta">{asset.location}</span>
    </button>
  );
}

function AssetDetail({ id }: { id: string }) {
  const dispatch = useAppDispatch();
  const { data, error } = useGetAssetQuery(id);
  if (error) return <aside className="detail"><p role="alert" className="error">{error.message}</p></aside>;
  if (!data) return <aside className="detail" aria-busy="true" aria-label="Asset" />;
  const { asset, workOrders } = data;
  const open = (workOrderId: string) => {
    dispatch(navigated({ name: 'workOrders' }));
    dispatch(workOrderSelected(workOrderId));
  };
  return (
    <aside className="detail" aria-labelledby="asset-title">
      <header className="detail-header">
        <p className="detail-number">{asset.tag}</p>
        <h2 id="asset-title">{asset.name}</h2>
      </header>
      <dl className="detail-fields">
        <dt>Location</dt>
        <dd>{asset.location || '—'}</dd>
        <dt>Category</dt>
        <dd>{asset.category || '—'}</dd>
        <dt>Manufacturer</dt>
        <dd>{asset.manufacturer || '—'}</dd>
        <dt>Model</dt>
        <dd>{asset.model || '—'}</dd>
        <dt>Serial number</dt>
        <dd>{asset.serialNumber || '—'}</dd>
      </dl>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => dispatch(navigated({ name: 'newWorkOrder', assetId: asset.id }))}>
          New work order for this asset
        </button>
        <button
          type="button"
          onClick={() => {
            dispatch(assetFilterChanged({ id: asset.id, tag: asset.tag }));
            dispatch(navigated({ name: 'workOrders' }));
          }}
        >
          Show in work orders
        </button>
      </div>
      <h3>Work orders on this asset ({workOrders.length})</h3>
      {workOrders.length === 0 ? (
        <p className="muted">No work orders yet.</p>
      ) : (
        <ul className="plain-list">
          {workOrders.map((w) => (
            <li key={w.id}>
              <button type="button" className="link-row" onClick={() => open(w.id)}>
                <span className="row-number">{w.number ?? 'New'}</span> {w.title} <StatusBadge status={w.status} />
                <LocalStateBadge localState={w.localState} refusal={w.refusal} />
                <span className="muted"> · updated {formatDate(w.updatedAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
