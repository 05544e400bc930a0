/**
 * Statements go to Neo4j without their comments (src/neo4j/cypher-text.ts). The lexing cases a
 * naive strip gets wrong, and the ground truth for every named statement: Neo4j plans the compacted
 * text exactly as it plans the file's text (same operators, same details), so what runs is the file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compactCypher } from '../../src/neo4j/cypher-text';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { cypher } from '../../src/neo4j/queries';
import { projectRoot } from '../../src/paths';
import { freshGraph } from '../support/graph';

describe('compactCypher', () => {
  it('drops comments, including quotes inside them, and collapses whitespace between tokens', () => {
    const text = `// a page's creators ("top" ones)\nMATCH (c:Creator)   // it's here\n  /* block's\n comment */ WHERE c.x = 1\r\n\tRETURN c`;
    expect(compactCypher(text)).toBe('MATCH (c:Creator) WHERE c.x = 1 RETURN c');
  });

  it('keeps string literals and quoted names exactly, with what looks like comments or quotes inside them', () => {
    const text = `RETURN 'https://x.com/a  b' AS u, "say \\"hi\\" // not a comment" AS s, 'it\\'s /* kept */' AS t, \`odd  \`\`name // x\` AS n // gone`;
    expect(compactCypher(text)).toBe(
      `RETURN 'https://x.com/a  b' AS u, "say \\"hi\\" // not a comment" AS s, 'it\\'s /* kept */' AS t, \`odd  \`\`name // x\` AS n`,
    );
  });

  it('separates tokens a comment stood between, and keeps division', () => {
    expect(compactCypher('RETURN a/*x*/AS b, 4 / 2 AS c')).toBe('RETURN a AS b, 4 / 2 AS c');
  });

  it('refuses unterminated strings, names and comments rather than guessing', () => {
    expect(() => compactCypher("RETURN 'open")).toThrow(/unterminated/);
    expect(() => compactCypher('RETURN `open')).toThrow(/unterminated/);
    expect(() => compactCypher('RETURN 1 /* open')).toThrow(/unterminated/);
  });
});

describe('every named statement, compacted', () => {
  let graph: GraphClient;
  beforeAll(async () => {
    graph = await freshGraph();
  });
  afterAll(async () => {
    await graph?.close();
  });

  type Plan = { operatorType: string; arguments?: Record<string, unknown>; identifiers?: string[]; children: Plan[] };
  /**
   * A bare list of variables (a Distinct's or Union's keys) is a set: Neo4j may print it in either
   * order. Whitespace runs are compared as one space: Neo4j names an unaliased expression inside a
   * subquery by its source text, whitespace included, and such names are internal (the statement's
   * own columns are compared exactly, below).
   */
  const details = (raw: string) => {
    const d = raw.replace(/\s+/g, ' ');
    return /^\w+(, \w+)+$/.test(d) ? d.split(', ').sort().join(', ') : d;
  };
  const shape = (p: Plan): unknown => ({
    op: p.operatorType,
    details: details(String(p.arguments?.Details ?? '')),
    ids: [...(p.identifiers ?? [])].sort(),
    children: p.children.map(shape),
  });
  /**
   * Neo4j names the variables it makes up (a collect() it lifts out of an expression) anon_<n>, and
   * n is an internal counter, not part of the plan: the same statement has been planned with
   * anon_92 and with anon_192. They are renumbered in order of first appearance, so two plans agree
   * when they use the same made-up variables in the same places.
   */
  const anonymousInOrder = (planShape: unknown): unknown => {
    const seen = new Map<string, string>();
    return JSON.parse(
      JSON.stringify(planShape).replace(/\banon_\d+\b/g, (n) => {
        if (!seen.has(n)) seen.set(n, `anon#${seen.size}`);
        return seen.get(n)!;
      }),
    );
  };
  async function plan(text: string): Promise<{ columns: string[]; plan: unknown }> {
    const session = graph.driver.session();
    try {
      // Auto-commit: some statements run CALL { } IN TRANSACTIONS, which no explicit transaction may hold.
      // replan=force: the file's text may have a plan cached by an earlier test in this worker, made
      // on other statistics (CI once got a CacheProperties the fresh plan did not have); both texts
      // are planned now, on the same statistics.
      const result = session.run(`CYPHER replan=force EXPLAIN ${text}`);
      // The columns a caller reads: an unaliased expression's column is named by its text, exactly.
      const columns = [...(await result.keys())];
      const summary = await result.summary();
      return { columns, plan: anonymousInOrder(shape(summary.plan as unknown as Plan)) };
    } finally {
      await session.close();
    }
  }

  /**
   * Both texts' plans, taken again while they differ, up to five times. One text is not always
   * planned the same way: the planner reads live statistics, which Neo4j refreshes in the background
   * after the fresh graph's writes, and its IDP solver stops searching when its time budget runs out,
   * which on a loaded machine happens at different points (CI saw a CacheProperties, and once a
   * semi-apply, in one plan and not the other). A difference the text makes is there every time; a
   * difference of the moment goes away on a retry (a bounded poll, no sleep).
   */
  type Planned = { columns: string[]; plan: unknown };
  async function plansOfBoth(sent: string, original: string): Promise<{ compacted: Planned; file: Planned }> {
    for (let attempt = 1; ; attempt++) {
      const compacted = await plan(sent);
      const file = await plan(original);
      if (JSON.stringify(compacted) === JSON.stringify(file) || attempt === 5) return { compacted, file };
    }
  }

  it('is planned by Neo4j exactly as the file is, and is what the loader sends', async () => {
    const base = join(projectRoot(), 'cypher', 'queries');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const n of readdirSync(dir)) {
        const p = join(dir, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (n.endsWith('.cypher')) files.push(p);
      }
    };
    walk(base);
    expect(files.length).toBeGreaterThan(100);
    let shorter = 0;
    for (const file of files) {
      const name = relative(base, file).replace(/\\/g, '/').replace(/\.cypher$/, '');
      const original = readFileSync(file, 'utf8');
      const sent = cypher(name);
      expect(sent).toBe(compactCypher(original));
      if (sent.length < original.length) shorter++;
      const { compacted, file: filePlan } = await plansOfBoth(sent, original);
      expect({ name, plan: compacted }).toEqual({ name, plan: filePlan });
    }
    expect(shorter).toBeGreaterThan(files.length / 2);
  }, 300_000);
});
