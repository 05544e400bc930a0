// Claims the right to publish spikes ("<platform>|<tag>|<onset epoch ms>"): returns only the keys
// no one claimed before. MERGE on the constrained key makes the claim atomic across processes.
UNWIND $keys AS key
MERGE (n:TrendSpikeNotice {key: key})
  ON CREATE SET n.at = datetime(), n.fresh = true
  ON MATCH SET n.fresh = false
WITH n WHERE n.fresh
RETURN n.key AS key
