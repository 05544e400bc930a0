/**
 * Example documents shown as the playground's opening tabs. They are written against the public
 * contract (schema/contract, /work/shared/api-contract.graphql) and a unit test validates each one,
 * so a contract change that breaks an example fails the build instead of confusing a reader.
 * Plain data with no browser or Node dependencies: bundled into the page and imported by tests.
 */

export interface PlaygroundExample {
  /** Short label, used in the tab list and in test names. */
  title: string;
  /** The GraphQL document (one operation). */
  query: string;
  /** Variables as JSON text for the variables editor, if the operation takes any. */
  variables?: string;
}

/** Opens first: the biggest creators with their reach across both platforms. */
export const CREATORS_BY_REACH: PlaygroundExample = {
  title: 'Creators by combined reach',
  query: `# The biggest creators, with their accounts and the overlap-aware reach estimate.
# Press the run button (or Ctrl-Enter) to execute.
query CreatorsByReach($first: Int = 10) {
  creators(orderBy: { field: COMBINED_REACH, direction: DESC }, first: $first) {
    totalCount
    nodes {
      id
      displayName
      accounts {
        platform
        username
        followers
      }
      combinedReach {
        naive
        low
        high
        basis
        label
      }
    }
  }
}
`,
  variables: '{\n  "first": 10\n}',
};

export const AMPLIFICATION_CHAINS: PlaygroundExample = {
  title: 'Amplification chains',
  query: `# Cross-platform amplification chains: a root post and the posts that amplified it.
query AmplificationChains($first: Int = 5) {
  amplificationChains(crossPlatformOnly: true, minDepth: 2, first: $first) {
    depth
    spanSeconds
    platforms
    totalEngagement
    root {
      id
      platform
      url
      createdAt
      author {
        username
      }
    }
    links {
      kind
      lagSeconds
      confidence
      source {
        id
        platform
      }
      amplifier {
        id
        platform
        author {
          username
        }
      }
    }
    byPlatform {
      platform
      posts
      engagement
    }
  }
}
`,
  variables: '{\n  "first": 5\n}',
};

export const REVIEW_QUEUE: PlaygroundExample = {
  title: 'Review queue',
  query: `# Pending cross-platform matches, strongest first, with the evidence behind each score.
query ReviewQueue($first: Int = 20) {
  reviewQueue(first: $first) {
    totalCount
    nodes {
      id
      score
      status
      reasons
      accounts {
        platform
        username
        displayName
        followers
        bioLink
      }
      evidence {
        signal
        reason
        points
        values {
          platform
          raw
          normalized
        }
      }
    }
  }
}
`,
  variables: '{\n  "first": 20\n}',
};

export const MATCH_CHANGED: PlaygroundExample = {
  title: 'Live match changes',
  query: `# Runs over graphql-ws: events arrive as matches are created, rescored, approved or rejected.
subscription MatchChanged($minScore: Int) {
  matchChanged(minScore: $minScore) {
    kind
    at
    previousStatus
    previousScore
    match {
      id
      score
      status
      reasons
      accounts {
        platform
        username
      }
    }
  }
}
`,
  variables: '{\n  "minScore": 0\n}',
};

/** In tab order; the first is the default query. */
export const PLAYGROUND_EXAMPLES: readonly PlaygroundExample[] = [
  CREATORS_BY_REACH,
  AMPLIFICATION_CHAINS,
  REVIEW_QUEUE,
  MATCH_CHANGED,
];
