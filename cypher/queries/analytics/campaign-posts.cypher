// THE definition of a campaign post (Campaign.amplification and amplificationChains(campaignId)
// both use it): a post by an account of a creator the campaign INCLUDES, created inside the
// campaign window (open ends unbounded), that either carries one of the campaign's hashtags, or is
// an X post AMPLIFIED-linked to such a TikTok post by the same creator (the clip carried to X).
MATCH (k:Campaign {id: $campaignId})-[:INCLUDES]->(c:Creator)-[:HAS_ACCOUNT]->(a:Account)-[:POSTED]->(p:Post)
WHERE (k.startsAt IS NULL OR p.createdAt >= k.startsAt)
  AND (k.endsAt IS NULL OR p.createdAt <= k.endsAt)
  AND (
    EXISTS { MATCH (p)-[:TAGGED]->(h:Hashtag) WHERE h.tag IN k.hashtags }
    OR (p.platform = 'X' AND EXISTS {
      MATCH (p)-[:AMPLIFIED]->(s:Post {platform: 'TIKTOK'})<-[:POSTED]-(:Account)<-[:HAS_ACCOUNT]-(c)
      WHERE (k.startsAt IS NULL OR s.createdAt >= k.startsAt)
        AND (k.endsAt IS NULL OR s.createdAt <= k.endsAt)
        AND EXISTS { MATCH (s)-[:TAGGED]->(h:Hashtag) WHERE h.tag IN k.hashtags }
    })
  )
RETURN c.id AS creatorId, p.id AS postId, p.platform AS platform, p.createdAt AS createdAt, p.engagement AS engagement
ORDER BY p.createdAt, p.id
