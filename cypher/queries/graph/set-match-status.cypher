// A reviewer's decision on one match.
MATCH (:Account)-[m:MATCHED_TO {id: $id}]->(:Account)
WITH m, m.status AS previousStatus, m.score AS previousScore
SET m.status = $status,
    m.reviewedBy = $actor,
    m.reviewNote = $note,
    m.reviewedAt = datetime($at),
    m.updatedAt = datetime($at),
    m.reasons = CASE WHEN $addReason IS NULL OR $addReason IN m.reasons THEN m.reasons ELSE m.reasons + $addReason END
RETURN m.id AS id, previousStatus, previousScore, m.status AS status, m.score AS score
