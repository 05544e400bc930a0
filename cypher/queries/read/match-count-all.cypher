// totalCount of the unfiltered match list: the relationship type's count store, no reads.
MATCH ()-[m:MATCHED_TO]->() RETURN count(m) AS total
