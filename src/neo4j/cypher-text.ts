/**
 * The text of a named statement as it is sent: comments dropped and whitespace runs outside string
 * literals and quoted names made one space. The statement files explain themselves at length
 * (a creator page is ~2.9 KB, two thirds of it comments), and every RUN message carries the whole
 * text: the driver's Bolt chunker flushes a socket write per 1,400 bytes, so a commented page
 * statement cost three writes per request instead of one, and Neo4j hashed the full text to find
 * its cached plan. What runs is still the file's query, token for token.
 *
 * Lexing follows Cypher's: '…' and "…" strings (backslash escapes), `…` names (`` doubles a
 * backtick), // line comments and /* block comments *\/. A quote inside a comment (an apostrophe
 * in "a page's") is comment text, not the start of a string.
 */
export function compactCypher(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  /** A separator is owed: whitespace or a comment was dropped since the last token. */
  let gap = false;
  const emit = (s: string) => {
    if (gap && out.length > 0) out += ' ';
    gap = false;
    out += s;
  };
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
      gap = true;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i + 2);
      i = end < 0 ? n : end + 1;
      gap = true;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new Error('unterminated /* comment in a Cypher statement');
      i = end + 2;
      gap = true;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      if (j >= n) throw new Error(`unterminated ${c} string in a Cypher statement`);
      emit(text.slice(i, j + 1));
      i = j + 1;
    } else if (c === '`') {
      let j = i + 1;
      for (;;) {
        if (j >= n) throw new Error('unterminated ` name in a Cypher statement');
        if (text[j] === '`') {
          if (text[j + 1] === '`') j += 2;
          else break;
        } else j++;
      }
      emit(text.slice(i, j + 1));
      i = j + 1;
    } else {
      let j = i + 1;
      while (j < n && !' \t\n\r\f\v\'"`'.includes(text[j]) && !(text[j] === '/' && (text[j + 1] === '/' || text[j + 1] === '*'))) j++;
      emit(text.slice(i, j));
      i = j;
    }
  }
  return out;
}
