import {
  bioHandles,
  canonicalUrl,
  describeLink,
  identifyingLink,
  isSharedHost,
  normalizeName,
  profileLinkTarget,
  registrableDomain,
} from '../../src/matching/normalize';

describe('normalizeName', () => {
  it.each([
    ['Amélie Poulain', 'ameliepoulain'],
    ['ZOË Ñúñez', 'zoenunez'],
    ['Amy ✨💄', 'amy'],
    ['👩🏽‍🎤 Amy 🇺🇸', 'amy'],
    ['𝓐𝓶𝔂', 'amy'],
    ['𝐀𝐦𝐲', 'amy'],
    ['𝔸𝕞𝕪', 'amy'],
    ['Ａｍｙ', 'amy'],
    ['Ⓐⓜⓨ', 'amy'],
    ['🅰🅼🆈', 'amy'],
    ['ᴀᴍʏ', 'amy'],
    ['Amy Smith', 'amysmith'],
    ['amy.smith!!', 'amysmith'],
    ['Straße Łódź Ørsted', 'strasselodzorsted'],
    ['A̸m̸y̸', 'amy'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeName(raw)).toBe(expected);
  });

  it('keeps letters of other scripts', () => {
    expect(normalizeName('さくら 🌸')).toBe('さくら');
    expect(normalizeName('Дарья')).toBe('дарья');
  });

  it('gives an empty string for emoji-only, empty and missing names', () => {
    expect(normalizeName('🔥🔥🔥')).toBe('');
    expect(normalizeName('')).toBe('');
    expect(normalizeName(undefined)).toBe('');
    expect(normalizeName(null)).toBe('');
  });

  it('does not merge different names', () => {
    expect(normalizeName('Amy')).not.toBe(normalizeName('Amy2'));
    expect(normalizeName('Ana')).not.toBe(normalizeName('Anna'));
  });
});

describe('canonicalUrl', () => {
  it('ignores scheme, www., trailing slashes, fragment and case', () => {
    const forms = [
      'https://www.amysmith.com/',
      'http://amysmith.com',
      'amysmith.com',
      'HTTPS://WWW.AmySmith.COM//',
      'https://amysmith.com/#about',
      'www.amysmith.com/?',
    ];
    for (const f of forms) expect(canonicalUrl(f)).toBe('amysmith.com');
  });

  it('drops tracking parameters and keeps meaningful ones, sorted', () => {
    expect(canonicalUrl('https://amysmith.com/shop?utm_source=tiktok&utm_medium=bio&fbclid=abc123')).toBe('amysmith.com/shop');
    expect(canonicalUrl('https://amysmith.com/shop?gclid=x&igshid=y&si=z&ref=bio&utm_campaign=q')).toBe('amysmith.com/shop');
    expect(canonicalUrl('https://youtube.com/watch?v=AbC&feature=share&si=123')).toBe('youtube.com/watch?v=abc');
    expect(canonicalUrl('https://amysmith.com/p?b=2&a=1')).toBe('amysmith.com/p?a=1&b=2');
  });

  it('compares link-in-bio pages by their profile path', () => {
    expect(canonicalUrl('linktr.ee/Amy')).toBe(canonicalUrl('https://www.linktr.ee/amy/'));
    expect(canonicalUrl('linktr.ee/amy')).not.toBe(canonicalUrl('linktr.ee/bob'));
    expect(canonicalUrl('https://beacons.ai/amy?utm_source=ig')).toBe('beacons.ai/amy');
  });

  it('folds twitter.com, mobile.twitter.com and x.com together', () => {
    expect(canonicalUrl('https://twitter.com/BeautyByAmy')).toBe('x.com/beautybyamy');
    expect(canonicalUrl('https://mobile.twitter.com/beautybyamy/')).toBe('x.com/beautybyamy');
    expect(canonicalUrl('x.com/beautybyamy?s=21&t=abcdef')).toBe('x.com/beautybyamy');
  });

  it('keeps the case of shortener codes, which are case-sensitive', () => {
    expect(canonicalUrl('https://bit.ly/3AbCdE')).toBe('bit.ly/3AbCdE');
    expect(canonicalUrl('http://www.bit.ly/3AbCdE/')).toBe('bit.ly/3AbCdE');
    expect(canonicalUrl('https://bit.ly/3AbCdE')).not.toBe(canonicalUrl('https://bit.ly/3abcde'));
    expect(canonicalUrl('https://vm.tiktok.com/ZMabc123/')).toBe('vm.tiktok.com/ZMabc123');
  });

  it('decodes percent-encoding in paths', () => {
    expect(canonicalUrl('https://www.tiktok.com/%40BeautyByAmy')).toBe('tiktok.com/@beautybyamy');
  });

  it('rejects what is not an http(s) link to a host', () => {
    for (const bad of ['', '   ', 'mailto:amy@example.com', 'tel:+15550100', 'javascript:alert(1)', 'ftp://amysmith.com', 'localhost', 'not a url', 'amy']) {
      expect(canonicalUrl(bad)).toBeUndefined();
    }
    expect(canonicalUrl(null)).toBeUndefined();
  });

  it('keeps a port', () => {
    expect(canonicalUrl('amysmith.com:8080/x')).toBe('amysmith.com:8080/x');
  });
});

describe('registrableDomain and isSharedHost', () => {
  it('uses the Public Suffix List: co.uk is a suffix', () => {
    expect(registrableDomain('https://shop.amysmith.co.uk/x')).toBe('amysmith.co.uk');
    expect(registrableDomain('https://blog.amysmith.co.uk')).toBe(registrableDomain('amysmith.co.uk'));
    expect(registrableDomain('https://amysmith.co.uk')).not.toBe(registrableDomain('https://bobjones.co.uk'));
  });

  it('treats two *.github.io sites as different sites', () => {
    expect(registrableDomain('https://amy.github.io/portfolio')).toBe('amy.github.io');
    expect(registrableDomain('https://bob.github.io')).toBe('bob.github.io');
    expect(isSharedHost('amy.github.io')).toBe(false);
    expect(isSharedHost('github.io')).toBe(true);
  });

  it('treats carrd.co and subdomain-site services the same way', () => {
    expect(registrableDomain('https://amy.carrd.co/#links')).toBe('amy.carrd.co');
    expect(registrableDomain('https://bob.carrd.co')).toBe('bob.carrd.co');
    // Not in the Public Suffix List: our own list takes the domain one label deeper.
    expect(registrableDomain('https://shop.amy.substack.com/p/hello')).toBe('amy.substack.com');
    expect(registrableDomain('https://bob.substack.com')).toBe('bob.substack.com');
    expect(isSharedHost('https://amy.substack.com')).toBe(false);
    expect(isSharedHost('https://substack.com/@amy')).toBe(true);
  });

  it('marks link-in-bio hosts, shorteners and platforms as shared, own sites not', () => {
    for (const h of ['linktr.ee', 'www.linktr.ee', 'beacons.ai', 'bio.link', 'lnk.bio', 'linkin.bio', 'campsite.bio', 'allmylinks.com', 'solo.to', 'tap.bio', 'msha.ke', 'stan.store', 'komi.io', 'bit.ly', 't.co', 'vm.tiktok.com', 'x.com', 'twitter.com', 'mobile.twitter.com', 'youtube.com', 'open.spotify.com', 'carrd.co']) {
      expect([h, isSharedHost(h)]).toEqual([h, true]);
    }
    for (const h of ['amysmith.com', 'shop.amysmith.co.uk', 'amy.carrd.co', 'amy.github.io', 'amysmith.studio']) {
      expect([h, isSharedHost(h)]).toEqual([h, false]);
    }
  });

  it('gives no domain for IP hosts or unusable links', () => {
    expect(registrableDomain('http://192.168.1.10/amy')).toBeUndefined();
    expect(registrableDomain('mailto:amy@example.com')).toBeUndefined();
    expect(registrableDomain(undefined)).toBeUndefined();
  });
});

describe('identifyingLink', () => {
  it('refuses the bare root of a shared host, which names no one', () => {
    expect(identifyingLink('https://linktr.ee/')).toBeUndefined();
    expect(identifyingLink('https://www.x.com')).toBeUndefined();
    expect(identifyingLink('bit.ly')).toBeUndefined();
    expect(identifyingLink('https://linktr.ee/amy')).toBe('linktr.ee/amy');
    expect(identifyingLink('https://amysmith.com/')).toBe('amysmith.com');
  });
});

describe('profileLinkTarget', () => {
  it.each([
    ['https://x.com/BeautyByAmy', { platform: 'X', username: 'beautybyamy' }],
    ['twitter.com/beautybyamy/', { platform: 'X', username: 'beautybyamy' }],
    ['https://mobile.twitter.com/beautybyamy?s=20', { platform: 'X', username: 'beautybyamy' }],
    ['http://twitter.com/#!/beautybyamy', { platform: 'X', username: 'beautybyamy' }],
    ['https://twitter.com/intent/user?screen_name=BeautyByAmy', { platform: 'X', username: 'beautybyamy' }],
    ['https://www.tiktok.com/@beauty.by.amy?lang=en', { platform: 'TIKTOK', username: 'beauty.by.amy' }],
    ['tiktok.com/%40beautybyamy', { platform: 'TIKTOK', username: 'beautybyamy' }],
    ['https://m.tiktok.com/@beautybyamy/', { platform: 'TIKTOK', username: 'beautybyamy' }],
  ])('%s is a profile URL', (url, expected) => {
    expect(profileLinkTarget(url)).toEqual(expected);
  });

  it.each([
    'https://vm.tiktok.com/ZMabc123/',
    'https://t.co/AbC123',
    'https://x.com/home',
    'https://x.com/i/lists/123',
    'https://x.com/beautybyamy/status/1234567890',
    'https://x.com/',
    'https://www.tiktok.com/beautybyamy',
    'https://www.tiktok.com/@beautybyamy/video/7234567890123456789',
    'https://x.com/this_name_is_far_too_long_for_x',
    'https://linktr.ee/beautybyamy',
    'https://fox.com/beautybyamy',
  ])('%s is not a profile URL', (url) => {
    expect(profileLinkTarget(url)).toBeUndefined();
  });
});

describe('bioHandles', () => {
  it('reads labelled handles', () => {
    expect(bioHandles('makeup + skincare 💄 X: @BeautyByAmy')).toEqual({ TIKTOK: [], X: ['beautybyamy'] });
    expect(bioHandles('twitter: @amy_tweets | tt: @amy.makes')).toEqual({ TIKTOK: ['amy.makes'], X: ['amy_tweets'] });
    expect(bioHandles('Find me on TikTok @amy.makes')).toEqual({ TIKTOK: ['amy.makes'], X: [] });
    expect(bioHandles('twitter - amy_tweets')).toEqual({ TIKTOK: [], X: ['amy_tweets'] });
    expect(bioHandles('X：＠ＢｅａｕｔｙＢｙＡｍｙ')).toEqual({ TIKTOK: [], X: ['beautybyamy'] });
    expect(bioHandles('𝕏: @beautybyamy')).toEqual({ TIKTOK: [], X: ['beautybyamy'] });
  });

  it('applies one handle to a group of labels', () => {
    expect(bioHandles('IG/TT/X: @beautybyamy')).toEqual({ TIKTOK: ['beautybyamy'], X: ['beautybyamy'] });
    expect(bioHandles('ig & tiktok: amy.makes')).toEqual({ TIKTOK: ['amy.makes'], X: [] });
  });

  it('reads profile URLs written in the bio', () => {
    expect(bioHandles('more at tiktok.com/@amy.makes and https://twitter.com/amy_tweets.')).toEqual({
      TIKTOK: ['amy.makes'],
      X: ['amy_tweets'],
    });
  });

  it('does not read collaborations, emails, other platforms or words as handles', () => {
    expect(bioHandles('nike x @adidas collab')).toEqual({ TIKTOK: [], X: [] });
    expect(bioHandles('business: amy@gmail.com')).toEqual({ TIKTOK: [], X: [] });
    expect(bioHandles('x: amy.smith@gmail.com')).toEqual({ TIKTOK: [], X: [] });
    expect(bioHandles('IG: @beautybyamy')).toEqual({ TIKTOK: [], X: [] });
    expect(bioHandles('box: @amy')).toEqual({ TIKTOK: [], X: [] });
    expect(bioHandles('fox.com/amy')).toEqual({ TIKTOK: [], X: [] });
    expect(bioHandles('vm.tiktok.com/ZMabc123')).toEqual({ TIKTOK: [], X: [] });
    expect(bioHandles('')).toEqual({ TIKTOK: [], X: [] });
    expect(bioHandles(null)).toEqual({ TIKTOK: [], X: [] });
  });

  it('keeps X handles to what X allows', () => {
    // Dots are not allowed in X usernames, so this can only be the TikTok handle.
    expect(bioHandles('TT/X: @amy.makes')).toEqual({ TIKTOK: ['amy.makes'], X: [] });
    expect(bioHandles('X: @amy.')).toEqual({ TIKTOK: [], X: ['amy'] });
  });
});

describe('describeLink', () => {
  it('agrees with the single-purpose functions', () => {
    for (const raw of ['https://www.Linktr.ee/Amy/?utm_source=ig', 'https://shop.amysmith.co.uk/x', 'https://twitter.com/amy_tweets', 'linktr.ee', 'https://amy.github.io', 'https://bit.ly/AbC']) {
      const f = describeLink(raw)!;
      expect(f.canonical).toBe(canonicalUrl(raw));
      expect(f.identifying).toBe(identifyingLink(raw));
      expect(f.domain).toBe(registrableDomain(raw));
      expect(f.sharedHost).toBe(isSharedHost(raw));
      expect(f.profile).toEqual(profileLinkTarget(raw));
    }
    expect(describeLink('mailto:amy@example.com')).toBeUndefined();
  });
});
