/**
 * The handle normalisation the graph indexes on (`Account.handleNorm`), shared with matching so the
 * blocking key in the database and the one computed in memory are the same: lower-case, punctuation
 * stripped, leading and trailing digits stripped (the seed's "normalised match").
 */
export function normalizeHandle(handle: string): string {
  const stripped = handle.toLowerCase().replace(/[^a-z0-9]/g, '');
  const core = stripped.replace(/^\d+|\d+$/g, '');
  // An all-digit handle would normalise to nothing; keep the digits so it still has a key.
  return core || stripped;
}
