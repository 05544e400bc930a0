/** The side panel for the selected node: what it is, its actions, and its creator's card when it has one. */
import { CreatorCard } from './creator-card';
import type { GraphNode } from './documents';
import { describeNode } from './elements';
import type { ExplorerApi } from './explorer-api';
import { compact, ErrorBox, formatWhen, Loading, platformName, useLoad } from './status';

/** The details of the selected node: what it is, and its creator's card when it has one. */
export function Selection(props: {
  api: ExplorerApi;
  node: GraphNode | null;
  id: string;
  /** True while the canvas is still loading: the details are fetched after it, not alongside. */
  hold?: boolean;
  onExpand(id: string): void;
  onOpen(id: string): void;
  onChains(id: string): void;
}) {
  const { api, id } = props;
  const isCreator = id.startsWith('cr_');
  const info = useLoad(props.hold || isCreator || id.startsWith('hashtag:') ? null : id, (k) => api.node(k));
  const creatorId = isCreator ? id : (info.data?.creator?.id ?? info.data?.author?.creator?.id ?? null);
  const n = info.data;
  return (
    <div className="selection" data-testid="selection" data-id={id}>
      <div className="selection-head">
        <div className="selection-name">{props.node ? describeNode(props.node) : id}</div>
        <div className="selection-actions">
          <button type="button" onClick={() => props.onExpand(id)} data-testid="expand">
            Expand
          </button>
          <button type="button" onClick={() => props.onOpen(id)}>
            Centre on it
          </button>
          {id.startsWith('cp_') && (
            <button type="button" onClick={() => props.onChains(id)}>
              List its chains
            </button>
          )}
        </div>
      </div>
      {info.loading && <Loading what="details" />}
      {info.error && <ErrorBox error={info.error} onRetry={info.retry} />}
      {n?.url && (
        <div className="post-info">
          <p className="post-text">{n.text || <span className="muted">no text</span>}</p>
          <div className="muted">
            {platformName(n.platform)} post by @{n.author?.username}
            {n.createdAt && `, ${formatWhen(n.createdAt)}`}, {compact.format(n.engagement ?? 0)} engagement ·{' '}
            <a href={n.url} target="_blank" rel="noreferrer noopener">
              open on {platformName(n.platform)}
            </a>
          </div>
        </div>
      )}
      {n?.hashtags && (
        <p>
          Campaign {n.name}
          {n.brand ? ` by ${n.brand.name}` : ''}: {n.hashtags.map((t) => `#${t}`).join(' ')}
        </p>
      )}
      {props.hold && <Loading what="details" />}
      {creatorId && !props.hold && <CreatorCard api={api} creatorId={creatorId} onOpen={props.onOpen} onChains={props.onChains} />}
    </div>
  );
}
