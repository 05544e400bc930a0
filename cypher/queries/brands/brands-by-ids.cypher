UNWIND $ids AS id
MATCH (b:Brand {id: id})
RETURN b {.*} AS brand
