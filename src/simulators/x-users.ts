/** X user lookups: by username or id, one or up to 100, with pinned and most recent tweet expansions. */
import type { SimResponse } from './sim-http';
import { InvalidRequest, renderTweet, renderUser, userProblem, type ResourceParam } from './x-format';
import { ID_PATTERN, USERNAME_PATTERN, USER_EXPANSIONS } from './x-fields';
import { fieldSets, type Route } from './x-request';
import type { Json, XView } from './x-view';
import { postsVisibleAt, type SimAccount, type SimPost } from './world-model';

/** GET /2/users/by/username/:username, /2/users/by, /2/users/:id and /2/users. */
export function lookupUsers(view: XView, r: Route, q: URLSearchParams, now: number): SimResponse {
  const { data } = view;
  const ctx = view.context(now);
  const tq = fieldSets(q, USER_EXPANSIONS);
  let values: string[];
  let param: ResourceParam;
  let byName: boolean;
  switch (r.endpoint) {
    case 'GET /2/users/by/username/:username':
      values = [r.param ?? ''];
      param = 'username';
      byName = true;
      break;
    case 'GET /2/users/:id':
      values = [r.param ?? ''];
      param = 'id';
      byName = false;
      break;
    case 'GET /2/users/by':
      values = (q.get('usernames') ?? '').split(',');
      param = 'usernames';
      byName = true;
      break;
    default:
      values = (q.get('ids') ?? '').split(',');
      param = 'ids';
      byName = false;
  }
  if (param === 'usernames' || param === 'ids') {
    if (!q.has(param)) throw new InvalidRequest(param, '', `The \`${param}\` query parameter can not be empty`);
    if (values.length > 100) throw new InvalidRequest(param, String(values.length), `The \`${param}\` query parameter must have at most 100 items`);
  }
  const pattern = byName ? USERNAME_PATTERN : ID_PATTERN;
  for (const v of values) {
    if (!pattern.test(v)) throw new InvalidRequest(param, v, `The \`${param}\` query parameter value [${v}] does not match ${pattern.source}`);
  }
  const found: SimAccount[] = [];
  const errors: Json[] = [];
  for (const v of values) {
    const raw = byName ? data.byUsername.get(v.toLowerCase()) : data.byId.get(v);
    const a = view.userAt(raw, now);
    if (a) found.push(a);
    else errors.push(userProblem(raw, v, param, now));
  }
  // User expansions point at tweets.
  const tweets = new Map<string, SimPost>();
  for (const a of found) {
    const visible = a.private ? [] : postsVisibleAt(data, a.id, now);
    if (tq.expansions.includes('pinned_tweet_id') && a.pinnedPostId) {
      const p = visible.find((x) => x.id === a.pinnedPostId);
      if (p) tweets.set(p.id, p);
    }
    if (tq.expansions.includes('most_recent_tweet_id') && visible.length) tweets.set(visible[0].id, visible[0]);
  }
  const userFields = new Set(tq.userFields);
  if (tq.expansions.includes('pinned_tweet_id')) userFields.add('pinned_tweet_id');
  if (tq.expansions.includes('most_recent_tweet_id')) userFields.add('most_recent_tweet_id');
  const body: Json = {};
  const rendered = found.map((a) => renderUser(a, userFields, ctx));
  if (rendered.length) body.data = param === 'username' || param === 'id' ? rendered[0] : rendered;
  if (tweets.size) body.includes = { tweets: [...tweets.values()].map((p) => renderTweet(p, tq.tweetFields, ctx)) };
  if (errors.length) body.errors = errors;
  return { status: 200, body, credits: found.length, truncate: view.truncateFor([...found, ...tweets.values()]) };
}
