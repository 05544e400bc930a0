// totalCount of the creator list without any filter: the label's count store, no reads.
MATCH (c:Creator) RETURN count(c) AS total
