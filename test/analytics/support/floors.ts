/** Seeds the ground-truth tests run over: quality figures hold over more than one world. */
export const TRUTH_SEEDS = [42, 7];
