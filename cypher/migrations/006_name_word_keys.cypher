// Probabilistic matching pairs accounts on display names and rare name and handle words, so the
// incremental matcher must find and count their holders: the name key is an indexed Account
// property like the link and domain keys, and the words (several per account) one space-separated
// property under a full-text index with the whitespace analyser (each word one term, as stored:
// lower-case, folded). Accounts stored before this list neither; their stored key lists differ
// from the computed ones, so the next sync (incremental, or the next full run) stores both.
CREATE INDEX account_name_key IF NOT EXISTS FOR (a:Account) ON (a.nameKey);
CREATE FULLTEXT INDEX account_name_words IF NOT EXISTS FOR (a:Account) ON EACH [a.nameWords] OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } };
