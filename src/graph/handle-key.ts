/**
 * Handle folding: the key the graph stores as `Account.handleNorm` and the matcher compares and
 * blocks on. It lives below both (the writer in graph/, the matcher in matching/) so the stored
 * key and the in-memory key are one function. Pure and total: unusable input gives ''.
 */

/** Letters that NFKD leaves alone but readers see as plain Latin. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'SS', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE',
  þ: 'th', Þ: 'TH', ð: 'd', Ð: 'D', ı: 'i', ŧ: 't', Ŧ: 'T', ħ: 'h', Ħ: 'H', ĸ: 'k',
  // Small capitals, popular in "aesthetic" display names.
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l',
  ᴍ: 'm', ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ǫ: 'q', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
};
const LETTER_FOLD_RE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

/**
 * Negative circled and negative squared Latin capitals (🅐, 🅰) have no compatibility
 * decomposition and count as emoji; fold them to letters before emoji are dropped.
 */
function foldEnclosedLetters(s: string): string {
  return s.replace(/[\u{1F150}-\u{1F169}\u{1F170}-\u{1F189}]/gu, (c) => {
    const cp = c.codePointAt(0)!;
    const base = cp >= 0x1f170 ? 0x1f170 : 0x1f150;
    return String.fromCharCode(65 + cp - base);
  });
}

const ASCII = /^[\x00-\x7f]*$/;

/** Emoji, their modifiers and joiners, flags, keycap marks. */
const EMOJI_RE = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}]/gu;

/**
 * Compatibility-decomposes (mathematical, full-width, circled and superscript letters become
 * plain ones), drops accents and emoji, and folds the few letters NFKD keeps (ß, ø, ł, small caps).
 */
export function foldText(s: string): string {
  // Plain ASCII has nothing to fold (no marks, enclosed or special letters, emoji): most text is,
  // and the matcher folds every account's name, handle and bio.
  if (ASCII.test(s)) return s;
  return foldEnclosedLetters(s)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(LETTER_FOLD_RE, (c) => LETTER_FOLDS[c] ?? c)
    .replace(EMOJI_RE, '');
}

/** A username as compared for HANDLE_EXACT: trimmed, without a leading "@", lower-case. */
export function exactHandle(username: string | null | undefined): string {
  if (!username) return '';
  return username.trim().replace(/^@+/, '').toLowerCase();
}

/**
 * A username as compared for HANDLE_NORMALIZED and used as a blocking key: folded to ASCII,
 * lower-case, punctuation stripped, leading and trailing digits stripped
 * ("Beauty.By_Amy99" -> "beautybyamy"). Empty when nothing is left.
 */
export function normalizeHandle(username: string | null | undefined): string {
  if (!username) return '';
  return foldText(username)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/^[0-9]+/, '')
    .replace(/[0-9]+$/, '');
}
