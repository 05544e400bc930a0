/**
 * Type-ahead search over creators (`creators(filter: { search })`), brands, campaigns and hashtags,
 * as an ARIA combobox: arrows move through the suggestions, Enter opens one, Escape closes the list.
 * Hashtags have no listing query: the tags that spiked recently (`hashtagTrends`) are suggested, and
 * "#anything" can be opened directly (its neighbourhood says whether the graph knows it).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ExplorerApi } from './explorer-api';
import { searchSuggestions, type Suggestion } from './suggestions';
import { shown, type ShownError } from './status';

const DEBOUNCE_MS = 180;

export function Search({ api, onOpen }: { api: ExplorerApi; onOpen(id: string): void }) {
  const [text, setText] = useState('');
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const tags = useRef<Promise<string[]> | null>(null);
  const listId = useId();

  useEffect(() => {
    const q = text.trim();
    if (q.length === 0) {
      setItems([]);
      setBusy(false);
      return;
    }
    let live = true;
    setBusy(true);
    const timer = setTimeout(async () => {
      try {
        const wantTags = q.startsWith('#') || q.length >= 3;
        if (wantTags && !tags.current) tags.current = api.hashtags().then((t) => t.map((x) => x.tag), () => []);
        const creatorText = q.replace(/^[#@]/, '');
        const [found, tagList] = await Promise.all([
          creatorText ? api.search(creatorText) : Promise.resolve({ creators: { nodes: [] }, brands: [], campaigns: [] }),
          wantTags ? tags.current! : Promise.resolve([] as string[]),
        ]);
        if (!live) return;
        setItems(searchSuggestions(q, found, tagList));
        setError(null);
        setActive(0);
      } catch (err) {
        if (live) setError(shown(err));
      } finally {
        if (live) setBusy(false);
      }
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, api]);

  const choose = (s: Suggestion) => {
    setOpen(false);
    setText(s.label);
    onOpen(s.id);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      setOpen(true);
      setActive((a) => Math.min(items.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter' && open && items[active]) choose(items[active]);
    else if (e.key === 'Escape') setOpen(false);
    else return;
    e.preventDefault();
  };

  const expanded = open && text.trim().length > 0;
  return (
    <div className="search">
      <label htmlFor={`${listId}-input`} className="sr-only">
        Search creators, brands, campaigns and hashtags
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${listId}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded && items[active] ? `${listId}-opt-${active}` : undefined}
        placeholder="Search a creator, brand, campaign or #hashtag"
        data-testid="search"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => items.length > 0 && setOpen(true)}
        autoComplete="off"
      />
      {expanded && (
        <ul id={`${listId}-list`} role="listbox" className="suggestions" data-testid="suggestions" aria-label="Suggestions">
          {busy && items.length === 0 && <li className="muted">Searching…</li>}
          {error && (
            <li className="error-inline" role="alert">
              {error.code}: {error.message}
            </li>
          )}
          {!busy && !error && items.length === 0 && <li className="muted">Nothing matches “{text.trim()}”: try part of a name or a handle.</li>}
          {items.map((s, i) => (
            <li
              key={s.id}
              id={`${listId}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              data-testid="suggestion"
              data-id={s.id}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(s);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className={`badge kind-${s.kind.toLowerCase()}`}>{s.kind.toLowerCase()}</span> {s.label}
              {s.detail && <span className="muted"> {s.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
