/**
 * Hosts that many unrelated creators share, so that two bio links on the same host say nothing
 * by themselves. Link normalisation (normalize.ts) consults these lists to decide whether a link
 * may be compared by its registrable domain (a creator's own site) or only by its full profile
 * path (linktr.ee/amy is Amy's, linktr.ee/bob is Bob's).
 *
 * Hosts are listed bare (no "www."), lower-case. A listed host also covers its subdomains
 * (e.g. "vm.tiktok.com" is covered by "tiktok.com"), except where a list says otherwise.
 */

/** Link-in-bio services: the path names the creator's page. */
export const LINK_IN_BIO_HOSTS: readonly string[] = [
  'linktr.ee',
  'linktree.com',
  'beacons.ai',
  'beacons.page',
  'bio.link',
  'bio.site',
  'lnk.bio',
  'linkin.bio',
  'campsite.bio',
  'allmylinks.com',
  'solo.to',
  'tap.bio',
  'msha.ke',
  'stan.store',
  'komi.io',
  'linkfly.to',
  'hoo.be',
  'snipfeed.co',
  'taplink.cc',
  'flow.page',
  'linkpop.com',
  'lnk.to',
  'linkr.bio',
  'direct.me',
  'withkoji.com',
  'contactin.bio',
  'about.me',
  'ko-fi.com',
  'buymeacoffee.com',
  'patreon.com',
  'linkme.bio',
  'link.me',
  'linkbio.co',
];

/**
 * URL shorteners: the path is an opaque, case-sensitive code, so their paths keep their case
 * when canonicalised. Two equal short links point at the same target; the host alone means
 * nothing. vm.tiktok.com and vt.tiktok.com are TikTok's own shorteners.
 */
export const SHORTENER_HOSTS: readonly string[] = [
  'bit.ly',
  'bitly.com',
  't.co',
  'tinyurl.com',
  'ow.ly',
  'buff.ly',
  'goo.gl',
  'is.gd',
  'rebrand.ly',
  'cutt.ly',
  'shorturl.at',
  'rb.gy',
  'tiny.cc',
  'lnkd.in',
  'amzn.to',
  'amzn.eu',
  'fb.me',
  'youtu.be',
  'spoti.fi',
  'apple.co',
  'trib.al',
  'dlvr.it',
  'vm.tiktok.com',
  'vt.tiktok.com',
  'pin.it',
  'on.soundcloud.com',
];

/**
 * Social, video, commerce and payment platforms whose URLs are per-profile paths on one shared
 * domain (youtube.com/@amy, instagram.com/amy).
 */
export const PLATFORM_HOSTS: readonly string[] = [
  'tiktok.com',
  'x.com',
  'twitter.com',
  'instagram.com',
  'facebook.com',
  'youtube.com',
  'twitch.tv',
  'kick.com',
  'snapchat.com',
  'pinterest.com',
  'linkedin.com',
  'reddit.com',
  'threads.net',
  'threads.com',
  'bsky.app',
  'mastodon.social',
  'discord.gg',
  'discord.com',
  't.me',
  'telegram.me',
  'wa.me',
  'whatsapp.com',
  'spotify.com',
  'soundcloud.com',
  'music.apple.com',
  'apple.com',
  'podcasts.apple.com',
  'vimeo.com',
  'onlyfans.com',
  'fansly.com',
  'cameo.com',
  'amazon.com',
  'amazon.co.uk',
  'amazon.de',
  'etsy.com',
  'depop.com',
  'poshmark.com',
  'shopltk.com',
  'liketoknow.it',
  'gofundme.com',
  'venmo.com',
  'paypal.me',
  'paypal.com',
  'cash.app',
  'github.com',
  'gitlab.com',
  'google.com',
  'docs.google.com',
  'forms.gle',
  'calendly.com',
  'notion.so',
  'eventbrite.com',
  'shopify.com',
  'teespring.com',
  'spring.com',
  'redbubble.com',
];

/**
 * Hosting services that give each user a subdomain: the subdomain is the creator's site
 * (amy.carrd.co, amy.github.io, amy.substack.com), the bare service host is shared. Several are
 * in the Public Suffix List's private section, which tldts already honours; the others are why
 * this list exists: for them the registrable domain is taken one label deeper, so that
 * amy.substack.com and bob.substack.com are different sites.
 */
export const SUBDOMAIN_SITE_HOSTS: readonly string[] = [
  'carrd.co',
  'github.io',
  'gitlab.io',
  'wixsite.com',
  'blogspot.com',
  'myshopify.com',
  'notion.site',
  'netlify.app',
  'vercel.app',
  'pages.dev',
  'webflow.io',
  'square.site',
  'substack.com',
  'wordpress.com',
  'tumblr.com',
  'start.page',
  'mystrikingly.com',
  'weebly.com',
  'medium.com',
  'bandcamp.com',
  'itch.io',
  'gumroad.com',
  'teachable.com',
  'kajabi.com',
  'squarespace.com',
  'jimdosite.com',
  'webnode.com',
  'super.site',
  'framer.website',
  'typedream.app',
];

/**
 * Host aliases folded to one spelling before comparison, so that twitter.com/amy and x.com/amy
 * canonicalise alike. Applied after "www." is dropped.
 */
export const HOST_ALIASES: Readonly<Record<string, string>> = {
  'twitter.com': 'x.com',
  'mobile.twitter.com': 'x.com',
  'mobile.x.com': 'x.com',
  'm.twitter.com': 'x.com',
  'm.tiktok.com': 'tiktok.com',
  'm.youtube.com': 'youtube.com',
  'm.facebook.com': 'facebook.com',
  'mobile.facebook.com': 'facebook.com',
  'fb.com': 'facebook.com',
  'm.twitch.tv': 'twitch.tv',
  'linktree.com': 'linktr.ee',
  'instagr.am': 'instagram.com',
};

const PATH_SHARED: ReadonlySet<string> = new Set([...LINK_IN_BIO_HOSTS, ...SHORTENER_HOSTS, ...PLATFORM_HOSTS]);
const SHORTENERS: ReadonlySet<string> = new Set(SHORTENER_HOSTS);
const SUBDOMAIN_SITES: ReadonlySet<string> = new Set(SUBDOMAIN_SITE_HOSTS);

/** Lower-case, without a trailing dot or a leading "www.", aliases folded (twitter.com -> x.com). */
export function bareHost(host: string): string {
  let h = host.trim().toLowerCase().replace(/\.$/, '');
  if (h.startsWith('www.')) h = h.slice(4);
  return HOST_ALIASES[h] ?? h;
}

/** The host itself or its nearest parent that is in `set`, if any. `host` must be bare. */
function findListed(host: string, set: ReadonlySet<string>): string | undefined {
  let h = host;
  for (;;) {
    if (set.has(h)) return h;
    const dot = h.indexOf('.');
    if (dot < 0) return undefined;
    h = h.slice(dot + 1);
  }
}

/**
 * True when many creators share the host, so it may only be compared by profile path: link-in-bio
 * services, shorteners, platforms (and their subdomains, e.g. vm.tiktok.com, open.spotify.com),
 * and the bare host of a subdomain-site service. A creator's own subdomain on such a service
 * (amy.carrd.co) is not shared: it is their site.
 */
export function isSharedHostName(host: string): boolean {
  const h = bareHost(host);
  if (h === '') return false;
  if (SUBDOMAIN_SITES.has(h)) return true;
  if (findListed(h, SUBDOMAIN_SITES) !== undefined) return false;
  return findListed(h, PATH_SHARED) !== undefined;
}

/** True when the host is a URL shortener (its paths are case-sensitive codes). */
export function isShortenerHost(host: string): boolean {
  return findListed(bareHost(host), SHORTENERS) !== undefined;
}

/**
 * The creator's own site for a host under a subdomain-site service: "amy.substack.com" for
 * "shop.amy.substack.com". Undefined for other hosts and for the bare service host.
 */
export function subdomainSite(host: string): string | undefined {
  const h = bareHost(host);
  const parent = findListed(h, SUBDOMAIN_SITES);
  if (parent === undefined || parent === h) return undefined;
  const labels = h.slice(0, h.length - parent.length - 1).split('.');
  return `${labels[labels.length - 1]}.${parent}`;
}
