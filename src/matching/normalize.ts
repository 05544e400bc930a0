/**
 * Normalisation of the values matching compares: bio links (canonical URL, registrable domain,
 * profile-link targets), usernames, display names, and handles written in bio text. Everything
 * here is pure and total: unusable input gives `undefined` or an empty string, never a throw,
 * because provider data is messy and one bad bio must not stop a matching run.
 */

import { getDomain } from 'tldts';
import { foldText } from '../graph/handle-key';
import type { Platform } from '../graph/model';
import { bareHost, isShortenerHost, isSharedHostName, subdomainSite } from './shared-hosts';

export { isShortenerHost } from './shared-hosts';

// ---------------------------------------------------------------- names

/**
 * A display name as compared for NAME_EXACT: Unicode-folded (𝓐𝓶𝔂, 𝐀𝐦𝐲 and Ａｍｙ all become
 * "amy"), accents and emoji removed, lower-case, everything but letters and digits dropped
 * (so "Amy Smith ✨" and "amy.smith" compare equal). Letters of other scripts are kept.
 */
export function normalizeName(name: string | null | undefined): string {
  if (!name) return '';
  return foldText(name).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

// ---------------------------------------------------------------- links

/** Query parameters that track a click rather than name a page. */
const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid', 'igsh',
  'si', 'ref', 'ref_src', 'ref_url', 'referrer', 'refsrc', 's', 't', 'mc_cid', 'mc_eid', '_ga', '_gl',
  'mkt_tok', 'hsctatracking', 'is_from_webapp', 'sender_device', 'sender_web_id', 'share_app_id',
  'share_link_id', 'share_item_id', '_r', '_t', 'feature', 'app', 'trk', 'lang', 'hl', 'locale', 'src',
  'from', 'source', 'share', 'shared', 'context', 'ab_channel',
]);

function isTrackingParam(key: string): boolean {
  const k = key.toLowerCase();
  return k.startsWith('utm_') || TRACKING_PARAMS.has(k);
}

/** The parts of a bio link as compared. `path` and `query` are '' when absent. */
export interface LinkParts {
  /** Bare host: lower-case, no "www.", aliases folded (twitter.com -> x.com); ":port" kept if any. */
  host: string;
  /** Decoded path without trailing slashes, lower-case except on shorteners; '' for the root. */
  path: string;
  /** Non-tracking parameters, sorted, lower-case except on shorteners; '' when none. */
  query: string;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Parses a bio link into its compared parts; undefined when it is not an http(s) link to a host. */
export function linkParts(raw: string | null | undefined): LinkParts | undefined {
  if (!raw) return undefined;
  let s = raw.trim().replace(/^<|>$/g, '').trim();
  if (s === '' || /\s/.test(s)) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(s);
  if (scheme && !/^[^:/]+:\d/.test(s)) {
    if (!/^https?:\/\//i.test(s)) return undefined; // mailto:, tel:, javascript:, ...
  } else {
    s = `http://${s.replace(/^\/+/, '')}`;
  }
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return undefined;
  }
  const hostname = url.hostname.replace(/\.$/, '');
  if (!hostname.includes('.') && !hostname.startsWith('[')) return undefined;
  const host = bareHost(hostname) + (url.port ? `:${url.port}` : '');
  const keepCase = isShortenerHost(hostname);

  // Old Twitter "#!/name" links carry the path in the fragment; other fragments are in-page anchors.
  let rawPath = url.pathname;
  if (url.hash.startsWith('#!/') && (rawPath === '/' || rawPath === '')) rawPath = url.hash.slice(2);
  let path = safeDecode(rawPath).replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  if (!keepCase) path = path.toLowerCase();

  const params: [string, string][] = [];
  for (const [k, v] of url.searchParams) {
    if (isTrackingParam(k)) continue;
    params.push(keepCase ? [k, v] : [k.toLowerCase(), v.toLowerCase()]);
  }
  params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const query = params.map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join('&');
  return { host, path, query };
}

/**
 * The canonical form of a bio link, as compared for BIOLINK_EXACT: scheme, "www.", trailing
 * slashes, fragment, tracking parameters (utm_*, fbclid, gclid, igshid, si, ref, ...) and case
 * ignored; twitter.com folded to x.com. Shortener paths keep their case, because a short code is
 * case-sensitive (bit.ly/AbC and bit.ly/abc are different links).
 * "HTTPS://www.Linktr.ee/Amy/?utm_source=ig" -> "linktr.ee/amy". Undefined when unusable.
 */
export function canonicalUrl(raw: string | null | undefined): string | undefined {
  const p = linkParts(raw);
  return p ? canonicalOf(p) : undefined;
}

function canonicalOf(p: LinkParts): string {
  return p.host + p.path + (p.query ? `?${p.query}` : '');
}

function hostnameOf(p: LinkParts): string {
  return p.host.replace(/:\d+$/, '');
}

function domainOf(p: LinkParts): string | undefined {
  const host = hostnameOf(p);
  if (/^\[|^\d+(\.\d+){3}$/.test(host)) return undefined;
  return subdomainSite(host) ?? getDomain(host, { allowPrivateDomains: true }) ?? undefined;
}

function identifyingOf(p: LinkParts): string | undefined {
  if (p.path === '' && p.query === '' && isSharedHostName(hostnameOf(p))) return undefined;
  return canonicalOf(p);
}

/**
 * The registrable domain of a link's host, from the Public Suffix List (private section
 * included, so amy.github.io and bob.github.io are different sites; co.uk is a suffix), one label
 * deeper under subdomain-site services that the list lacks (amy.substack.com). Undefined for IP
 * hosts and unusable links. Shared hosts still have one (e.g. "linktr.ee"): callers that compare
 * domains must check `isSharedHost` first.
 */
export function registrableDomain(url: string | null | undefined): string | undefined {
  const p = linkParts(url);
  return p ? domainOf(p) : undefined;
}

/**
 * True when many unrelated creators share the host (link-in-bio services, shorteners, social
 * platforms, the bare host of a subdomain-site service), so links on it may only be compared by
 * their full profile path, never by domain. Accepts a host or a URL.
 */
export function isSharedHost(hostOrUrl: string): boolean {
  const p = linkParts(hostOrUrl);
  return p !== undefined && isSharedHostName(hostnameOf(p));
}

/**
 * The canonical link when it can identify a creator: undefined for unusable links and for the
 * bare root of a shared host ("linktr.ee", "https://x.com/"), which names no one.
 */
export function identifyingLink(raw: string | null | undefined): string | undefined {
  const p = linkParts(raw);
  return p ? identifyingOf(p) : undefined;
}

// ---------------------------------------------------------------- profile links

export interface ProfileRef {
  platform: Platform;
  /** Lower-case, without "@". */
  username: string;
}

const X_USERNAME = /^[a-z0-9_]{1,15}$/;
const TIKTOK_USERNAME = /^[a-z0-9_.]{2,24}$/;

/** First path segments on x.com that are pages, not accounts. */
const X_RESERVED: ReadonlySet<string> = new Set([
  'home', 'explore', 'search', 'notifications', 'messages', 'settings', 'i', 'intent', 'share', 'hashtag',
  'login', 'logout', 'signup', 'tos', 'privacy', 'about', 'jobs', 'compose', 'download', 'account', 'help',
  'lists', 'communities', 'premium', 'verified', 'following', 'followers', 'who_to_follow',
]);

function validUsername(platform: Platform, name: string): boolean {
  return platform === 'X' ? X_USERNAME.test(name) && !X_RESERVED.has(name) : TIKTOK_USERNAME.test(name) && !name.endsWith('.');
}

/**
 * The TikTok or X account a link is the profile URL of: x.com/NAME, twitter.com/NAME,
 * mobile.twitter.com/NAME, x.com/intent/user?screen_name=NAME, tiktok.com/@NAME. Undefined for
 * anything else, including post URLs and shortener links (vm.tiktok.com, t.co), which cannot be
 * resolved without a request.
 */
export function profileLinkTarget(url: string | null | undefined): ProfileRef | undefined {
  const p = linkParts(url);
  return p ? profileOf(p) : undefined;
}

function profileOf(p: LinkParts): ProfileRef | undefined {
  const segments = p.path.split('/').filter((x) => x !== '');
  if (p.host === 'x.com') {
    if (segments.length === 2 && segments[0] === 'intent' && (segments[1] === 'user' || segments[1] === 'follow')) {
      const m = /(?:^|&)screen_name=([^&]+)/.exec(p.query);
      const name = m ? m[1].replace(/^@/, '') : '';
      return validUsername('X', name) ? { platform: 'X', username: name } : undefined;
    }
    if (segments.length !== 1) return undefined;
    const name = segments[0].replace(/^@/, '');
    return validUsername('X', name) ? { platform: 'X', username: name } : undefined;
  }
  if (p.host === 'tiktok.com') {
    if (segments.length !== 1 || !segments[0].startsWith('@')) return undefined;
    const name = segments[0].slice(1);
    return validUsername('TIKTOK', name) ? { platform: 'TIKTOK', username: name } : undefined;
  }
  return undefined;
}

/** Everything matching asks of one bio link, from a single parse. */
export interface LinkFacts {
  /** `canonicalUrl`. */
  canonical: string;
  /** `identifyingLink`: absent for the bare root of a shared host. */
  identifying?: string;
  /** `registrableDomain`. */
  domain?: string;
  /** `isSharedHost` of the link's host. */
  sharedHost: boolean;
  /** `profileLinkTarget`. */
  profile?: ProfileRef;
}

/** `LinkFacts` of a bio link; undefined when it is not a usable link. */
export function describeLink(raw: string | null | undefined): LinkFacts | undefined {
  const p = linkParts(raw);
  if (!p) return undefined;
  const facts: LinkFacts = { canonical: canonicalOf(p), sharedHost: isSharedHostName(hostnameOf(p)) };
  const identifying = identifyingOf(p);
  if (identifying !== undefined) facts.identifying = identifying;
  const domain = domainOf(p);
  if (domain !== undefined) facts.domain = domain;
  const profile = profileOf(p);
  if (profile !== undefined) facts.profile = profile;
  return facts;
}

// ---------------------------------------------------------------- handles written in bios

const LABELS: ReadonlyArray<[RegExp, Platform | undefined, boolean]> = [
  // [label, platform it names, whether it is long enough to stand before "@name" with only a space]
  [/^(twitter|𝕏)$/, 'X', true],
  [/^(x|tw)$/, 'X', false],
  [/^(tiktok|tik tok|tik-tok)$/, 'TIKTOK', true],
  [/^(tt|tik)$/, 'TIKTOK', false],
];
const LABEL_TOKEN = String.raw`(?:instagram|insta|ig|youtube|yt|snapchat|snap|sc|facebook|fb|threads|twitch|twitter|tw|tik[ -]?tok|tt|x)`;
const LABEL_GROUP = String.raw`${LABEL_TOKEN}(?:\s*(?:\/|&|\+|,|and)\s*${LABEL_TOKEN})*`;
/**
 * A label group, a separator, a handle: "X: @amy", "twitter - amy", "IG/TT: @amy",
 * "tiktok @amy". A bare space before "@" only counts after a long label, so that
 * "nike x @adidas" (a collaboration) is not read as an X handle.
 */
const LABELLED_HANDLE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_@./])(${LABEL_GROUP})(\s*[:：]\s*@?|\s+[-–—|>→»]+\s*@?|\s+@)([a-z0-9_.]{1,30})(?![a-z0-9_@.])`,
  'giu',
);
const PROFILE_URL_IN_TEXT = /(?<![\p{L}\p{N}_@.-])((?:https?:\/\/)?(?:(?:www|m|mobile)\.)?(?:x|twitter|tiktok)\.com\/[^\s<>"'()[\]{}]+)/giu;

const MAY_NAME_HANDLE = /[:：\-–—|>→»@/]/u;

function labelPlatform(label: string): [Platform | undefined, boolean] {
  const l = label.toLowerCase().trim();
  for (const [re, platform, long] of LABELS) if (re.test(l)) return [platform, long];
  return [undefined, true];
}

/**
 * Handles of TikTok and X accounts written in a bio: "X: @amy", "twitter: @amy", "tt: @amy",
 * "IG/TT: @amy", "tiktok.com/@amy", "x.com/amy". Lower-case, without "@", each platform's list
 * without duplicates, in order of appearance. Fancy and full-width letters are folded first.
 */
export function bioHandles(bio: string | null | undefined): Record<Platform, string[]> {
  const out: Record<Platform, string[]> = { TIKTOK: [], X: [] };
  if (!bio) return out;
  const text = bio.normalize('NFKC');
  // Both patterns need one of these (a label's separator, or a profile URL's "/"): most bios have
  // none, and are not scanned.
  if (!MAY_NAME_HANDLE.test(text)) return out;
  const add = (platform: Platform, name: string): void => {
    const n = name.toLowerCase().replace(/\.+$/, '');
    if (validUsername(platform, n) && !out[platform].includes(n)) out[platform].push(n);
  };
  for (const m of text.matchAll(LABELLED_HANDLE)) {
    const [, group, separator, handle] = m;
    const bareSpace = !/[:：\-–—|>→»]/.test(separator);
    for (const label of group.split(/\s*(?:\/|&|\+|,|\band\b)\s*/i)) {
      const [platform, long] = labelPlatform(label);
      if (platform && (long || !bareSpace)) add(platform, handle);
    }
  }
  for (const m of text.matchAll(PROFILE_URL_IN_TEXT)) {
    const target = profileLinkTarget(m[1].replace(/[.,;:!?]+$/, ''));
    if (target) add(target.platform, target.username);
  }
  return out;
}
