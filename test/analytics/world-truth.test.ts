/**
 * The analytics against the simulated world's truth, over two seeds (one ingest per seed, shared
 * by the checks below): cross-posts, chains, attribution, lookalikes.
 *
 * Cross-posts and the other AMPLIFIED kinds:
 * the world is ingested through the real lanes; the matcher joins accounts as it goes and the
 * cross-post detector follows. Truth edges count when both posts are in the graph (the backfill
 * window leaves older ones out). Printed per kind:
 *
 * - raw: against the world's truth as is. A cross-post needs its two accounts on one creator, and
 *   the matcher leaves some true pairs PENDING for a reviewer; until then the graph (rightly) holds
 *   that post as someone's LINK. So raw CROSSPOST recall is bounded by matching, not detection.
 * - knowable: truth with a CROSSPOST between accounts matching has not joined expected as LINK.
 *
 * Floors: raw CROSSPOST precision >= 0.95 (the bar; errors could only come from wrong
 * matches); knowable precision >= 0.95 and recall >= 0.95 for every kind: detection itself misses
 * nothing it can know; REPOST and QUOTE, stated by the provider, >= 0.95 either way. Then a reviewer's
 * decisions move cross-posts: approving a PENDING pair turns its links into CROSSPOSTs
 * (confidence 1), rejecting it turns them back, through the GraphQL mutations.
 */
import { gql } from '../support/app';
import { TRUTH_SEEDS } from './support/floors';
import { scoreEdges, startWorldApp, type WorldApp } from './support/world-app';

const KINDS = ['CROSSPOST', 'LINK', 'REPOST', 'QUOTE'];

describe.each(TRUTH_SEEDS)('amplifications against world truth (seed %i)', (seed) => {
  let w: WorldApp;
  beforeAll(async () => {
    w = await startWorldApp(seed, 120);
  }, 600_000);
  afterAll(async () => {
    await w?.app.close();
  });

  const edges = async () =>
    new Map(
      (await w.app.graph.runText('MATCH (a:Post)-[x:AMPLIFIED]->(s:Post) RETURN a.id + ">" + s.id AS e, x.kind AS kind')).map(
        (r) => [r.e as string, r.kind as string],
      ),
    );

  it('finds cross-posts (and keeps the other kinds) with precision and recall above the floors', async () => {
    const g = w.app.graph;
    const posts = new Set((await g.runText('MATCH (p:Post) RETURN p.id AS id')).map((r) => r.id as string));
    const joined = new Set(
      (await g.runText('MATCH (c:Creator)-[:HAS_ACCOUNT]->(:Account)-[:POSTED]->(p:Post) RETURN p.id + "|" + c.id AS k')).map((r) => r.k as string),
    );
    const creatorOf = new Map([...joined].map((k) => k.split('|') as [string, string]));
    const found = await edges();
    const present = w.world.truth.amplifications.filter((a) => posts.has(a.amplifierPostId) && posts.has(a.sourcePostId));
    const raw = new Map(present.map((a) => [`${a.amplifierPostId}>${a.sourcePostId}`, a.kind as string]));
    const knowable = new Map(
      present.map((a) => {
        const one = creatorOf.get(a.amplifierPostId) === creatorOf.get(a.sourcePostId);
        return [`${a.amplifierPostId}>${a.sourcePostId}`, a.kind === 'CROSSPOST' && !one ? 'LINK' : a.kind];
      }),
    );
    const rawScores = KINDS.map((k) => scoreEdges(found, raw, k));
    const knowScores = KINDS.map((k) => scoreEdges(found, knowable, k));
    const line = (s: ReturnType<typeof scoreEdges>) =>
      `${s.kind.padEnd(9)} found ${String(s.found).padStart(5)} truth ${String(s.truth).padStart(5)} correct ${String(s.correct).padStart(5)} precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)}`;
    // eslint-disable-next-line no-console
    console.log(`seed ${seed}, raw truth\n${rawScores.map(line).join('\n')}\nseed ${seed}, knowable truth (cross-posts of unjoined accounts expected as LINK)\n${knowScores.map(line).join('\n')}`);

    // No amplification is left parked once its source is in the graph (the lanes run at once).
    const [stuck] = await g.runText('MATCH (x:PendingAmplification) WHERE EXISTS { MATCH (:Post {id: x.sourceId}) } RETURN count(x) AS n');
    expect(Number(stuck.n)).toBe(0);
    const rawBy = Object.fromEntries(rawScores.map((s) => [s.kind, s]));
    expect(rawBy.CROSSPOST.truth).toBeGreaterThan(10);
    expect(rawBy.CROSSPOST.found).toBeGreaterThan(0);
    expect(rawBy.CROSSPOST.precision).toBeGreaterThanOrEqual(0.95);
    for (const s of knowScores) {
      expect(s.precision).toBeGreaterThanOrEqual(0.95);
      // LINK recall was 0.92-0.99 until a lane race was fixed (a source written between the other
      // lane's edge write and its park was neither parked nor connected; test/graph/amplification-race).
      expect(s.recall).toBeGreaterThanOrEqual(0.95);
    }
    const [conf] = await g.runText("MATCH ()-[x:AMPLIFIED {kind: 'CROSSPOST'}]->() RETURN min(x.confidence) AS lo, max(x.confidence) AS hi");
    expect(Number(conf.lo)).toBeGreaterThanOrEqual(0.8);
    expect(Number(conf.hi)).toBeLessThanOrEqual(1);
  });

  it('serves amplification chains in one statement, consistent with Post.amplifiedBy and the truth', async () => {
    const g = w.app.graph;
    const truth = new Set(w.world.truth.amplifications.map((a) => `${a.amplifierPostId}>${a.sourcePostId}`));
    const CHAINS = `query($c: ID) { amplificationChains(first: 20, creatorId: $c) {
      root { id } posts { id platform createdAt engagement amplifiedBy { amplifier { id } } author { active } }
      links { kind source { id } amplifier { id } } platforms creators { id } depth spanSeconds crossPlatform totalEngagement
      byPlatform { platform posts engagement } } }`;
    const before = g.roundTrips;
    const res = await gql(w.url, CHAINS);
    const trips = g.roundTrips - before;
    expect(res.errors).toBeUndefined();
    const chains = res.data.amplificationChains;
    expect(chains.length).toBeGreaterThan(0);
    // One statement for the chains, then one batched load per kind of field (posts, authors,
    // amplifications, creators): a fixed handful, whatever the number of chains and posts.
    expect(trips).toBeLessThanOrEqual(6);
    for (let i = 1; i < chains.length; i++) expect(chains[i - 1].totalEngagement).toBeGreaterThanOrEqual(chains[i].totalEngagement);
    for (const c of chains) {
      expect(c.posts[0].id).toBe(c.root.id);
      const times = c.posts.slice(1).map((p: { createdAt: string }) => Date.parse(p.createdAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(c.crossPlatform).toBe(true);
      expect(c.platforms.length).toBe(2);
      expect(c.depth).toBeGreaterThanOrEqual(2);
      expect(c.depth).toBeLessThanOrEqual(6);
      expect(new Set(c.creators.map((x: { id: string }) => x.id)).size).toBe(c.creators.length);
      for (const p of c.posts) expect(p.author.active).toBe(true);
      const sum = c.posts.reduce((s: number, p: { engagement: number }) => s + p.engagement, 0);
      expect(c.totalEngagement).toBeCloseTo(sum, 3);
      expect(c.byPlatform.reduce((s: number, b: { posts: number }) => s + b.posts, 0)).toBe(c.posts.length);
      const ids = new Set(c.posts.map((p: { id: string }) => p.id));
      const byId = new Map(c.posts.map((p: any) => [p.id, p]));
      for (const l of c.links) {
        expect(ids.has(l.source.id) && ids.has(l.amplifier.id)).toBe(true);
        expect(truth.has(`${l.amplifier.id}>${l.source.id}`)).toBe(true);
        expect((byId.get(l.source.id) as any).amplifiedBy.map((a: any) => a.amplifier.id)).toContain(l.amplifier.id);
      }
      // Every post but the root is reached through some link of the chain.
      expect(new Set(c.links.map((l: any) => l.amplifier.id)).size).toBe(c.posts.length - 1);
    }
    // The root's creator sees the chain among its own (Creator.amplificationChains, any depth).
    const top = chains[0];
    const mine = await gql(w.url, `query($id: ID!) { creator(id: $id) { amplificationChains(first: 50) { root { id } } } }`, { id: top.creators[0].id });
    expect(mine.errors).toBeUndefined();
    expect(mine.data.creator.amplificationChains.map((c: any) => c.root.id)).toContain(top.root.id);
    const only = await gql(w.url, CHAINS, { c: top.creators[0].id });
    expect(only.data.amplificationChains.map((c: any) => c.root.id)).toContain(top.root.id);
    const bad = await gql(w.url, '{ amplificationChains(minDepth: 9) { depth } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('attributes breaking news to the platform it broke on, for the clear cases', async () => {
    const Q = `query($h: String, $u: String, $t: String) { attribution(hashtag: $h, url: $u, text: $t) {
      firstPlatform leadSeconds leadCertain firstPost { id } firstSeen { platform at collectionLatencySeconds post { id } } } }`;
    let answered = 0;
    let clear = 0;
    let right = 0;
    let uncertain = 0;
    let rightAll = 0;
    for (const s of w.world.truth.newsStories) {
      if (!s.otherPlatformAt) continue;
      const r = await gql(w.url, Q, { h: s.tag });
      expect(r.errors).toBeUndefined();
      const a = r.data.attribution;
      // Stories that broke before the backfill window are not in the graph.
      if (!a.firstPost || a.firstSeen.length < 2) continue;
      answered++;
      if (a.firstPlatform === s.brokeOn && a.firstPost.id === s.firstPostId) rightAll++;
      const trailing = a.firstSeen.find((f: any) => f.platform !== s.brokeOn);
      const trueLead = (Date.parse(s.otherPlatformAt) - Date.parse(s.startAt)) / 1000;
      if (trailing && trueLead > trailing.collectionLatencySeconds) {
        clear++;
        if (a.firstPlatform === s.brokeOn && a.firstPost.id === s.firstPostId) right++;
      } else uncertain++;
      // The answer's own certainty: the lead against the trailing platform's bound.
      expect(a.leadCertain).toBe(a.leadSeconds > a.firstSeen[1].collectionLatencySeconds);
    }
    // eslint-disable-next-line no-console
    console.log(`seed ${seed} news stories: ${w.world.truth.newsStories.length}, in the graph on both platforms ${answered}: broke-on platform and first post right ${rightAll}; clear (true lead > trailing platform's latency bound) ${clear}, right ${right}; within the bound (leadCertain false) ${uncertain}`);
    expect(answered).toBeGreaterThan(0);
    // Every clear case is recovered; the world is fully backfilled, so the others are too.
    expect(right).toBe(clear);
    expect(rightAll / answered).toBeGreaterThanOrEqual(0.95);

    // A TikTok video's URL, written as people paste it: the video first, then X links to it.
    const [link] = await w.app.graph.runText("MATCH (x:Post {platform: 'X'})-[:AMPLIFIED]->(t:Post {platform: 'TIKTOK'}) RETURN t.id AS t, t.url AS url LIMIT 1");
    const byUrl = await gql(w.url, Q, { u: String(link.url).replace('https://www.', 'm.') + '?is_from_webapp=1' });
    expect(byUrl.errors).toBeUndefined();
    expect(byUrl.data.attribution.firstPlatform).toBe('TIKTOK');
    expect(byUrl.data.attribution.firstPost.id).toBe(link.t);
    // A phrase through the full-text index finds the post that carries it.
    const [post] = await w.app.graph.runText(
      'UNWIND $ids AS id MATCH (p:Post {id: id}) WHERE p.text IS NOT NULL RETURN p.id AS id, p.platform AS platform, p.text AS text LIMIT 1',
      { ids: w.world.truth.newsStories.map((s) => s.firstPostId) },
    );
    expect(post).toBeDefined();
    const words = String(post.text).split(' ').slice(0, 6).join(' ');
    const byText = await gql(w.url, Q, { t: words });
    expect(byText.errors).toBeUndefined();
    expect(byText.data.attribution.firstSeen.map((f: { platform: string }) => f.platform)).toContain(post.platform);
    const two = await gql(w.url, Q, { h: 'news', t: 'breaking' });
    expect(two.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('ranks lookalikes from the same category above unrelated creators', async () => {
    const categoryOfAccount = new Map<string, string>();
    for (const c of w.world.creators) for (const a of [c.tiktok, c.x]) if (a) categoryOfAccount.set(`${a.platform === 'TIKTOK' ? 'tiktok' : 'x'}:${a.id}`, c.category);
    const rows = await w.app.graph.runText('MATCH (c:Creator)-[:HAS_ACCOUNT]->(a:Account) RETURN c.id AS c, collect(a.id)[0] AS a ORDER BY c');
    const category = new Map(rows.map((r) => [r.c as string, categoryOfAccount.get(r.a as string)]));
    const sample = rows.filter((_, i) => i % 4 === 0).slice(0, 30);
    let same = 0;
    let total = 0;
    let above = 0;
    let compared = 0;
    const withCategory = [...category.values()].filter(Boolean).length;
    for (const r of sample) {
      const res = await gql(w.url, 'query($id: ID!) { creator(id: $id) { similar(first: 5) { creator { id } score sharedHashtags sharedAmplifiers } } }', { id: r.c });
      expect(res.errors).toBeUndefined();
      const sims = res.data.creator.similar as { creator: { id: string }; score: number; sharedHashtags: string[]; sharedAmplifiers: number }[];
      const mine = category.get(r.c as string);
      for (const s of sims) {
        expect(s.sharedHashtags.length + s.sharedAmplifiers).toBeGreaterThan(0);
        total++;
        if (category.get(s.creator.id) === mine) same++;
      }
      const sameScores = sims.filter((s) => category.get(s.creator.id) === mine).map((s) => s.score);
      const otherScores = sims.filter((s) => category.get(s.creator.id) !== mine).map((s) => s.score);
      if (sameScores.length && otherScores.length) {
        compared++;
        if (Math.max(...sameScores) > Math.max(...otherScores)) above++;
      }
    }
    // eslint-disable-next-line no-console
    console.log(`seed ${seed} lookalikes: ${same}/${total} of the top 5 share the creator's category (10 categories, ${withCategory} creators); the best same-category lookalike outranks every other in ${above}/${compared} mixed lists`);
    // Against a base rate of about 1 in 10 (ten categories of similar size): the same-category
    // creators fill the top of the list. (The per-list "outranks" figure is printed only: few
    // lists mix categories at all, too few for a floor.)
    expect(same / total).toBeGreaterThanOrEqual(0.8);
  });

  it("follows a reviewer's decisions: approving a pair makes its links cross-posts, rejecting it undoes that", async () => {
    const g = w.app.graph;
    const [pair] = await g.runText(
      `MATCH (t:TikTokAccount)-[m:MATCHED_TO {status: 'PENDING'}]->(x:XAccount)
       WHERE EXISTS { MATCH (x)-[:POSTED]->(:Post)-[:AMPLIFIED {kind: 'LINK'}]->(:Post)<-[:POSTED]-(t) }
       RETURN m.id AS id, t.id AS t, x.id AS x LIMIT 1`,
    );
    // The matcher leaves some own-link pairs for review in these worlds (raw recall above).
    expect(pair).toBeDefined();
    const between = `MATCH (:Account {id: $x})-[:POSTED]->(:Post)-[e:AMPLIFIED]->(:Post)<-[:POSTED]-(:Account {id: $t})
                     RETURN collect(DISTINCT e.kind) AS kinds, min(e.confidence) AS conf`;
    const approve = await gql(w.url, 'mutation($id: ID!) { approveMatch(id: $id) { status } }', { id: pair.id });
    expect(approve.errors).toBeUndefined();
    await w.app.amplifications.idle();
    const [after] = await g.runText(between, pair);
    expect(after.kinds).toEqual(['CROSSPOST']);
    expect(Number(after.conf)).toBe(1);

    const reject = await gql(w.url, 'mutation($id: ID!) { rejectMatch(id: $id) { status } }', { id: pair.id });
    expect(reject.errors).toBeUndefined();
    await w.app.amplifications.idle();
    const [back] = await g.runText(between, pair);
    expect(back.kinds).toEqual(['LINK']);
  });
});
