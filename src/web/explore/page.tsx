/**
 * The explorer's React page, loaded by main.tsx as a separate chunk (React, Cytoscape.js, fCoSE):
 * the entry script starts the canvas's first request before this chunk is fetched and compiled.
 *
 * Sign-in: the API key (shared with the review desk through api-key.ts) goes as
 * `Authorization: Bearer` on HTTP and as the graphql-ws `authorization` connection parameter. A new
 * key replaces the socket client, since graphql-ws reads credentials when it connects.
 */
import { createRoot } from 'react-dom/client';
import { useState } from 'react';
import type { ApiKeyStore } from '../api-key';
import { Explorer, type SignIn } from './App';
import type { ExplorerApi } from './explorer-api';

export interface PageServices {
  api: ExplorerApi;
  keys: ApiKeyStore;
  graphqlPath: string;
  /** Replaces the graphql-ws client with one that connects with the current key. */
  reconnect(): void;
}

function Page({ services }: { services: PageServices }) {
  const { api, keys } = services;
  const [session, setSession] = useState(0);
  const signIn: SignIn = {
    key: keys.current(),
    demo: keys.isDemo(),
    async signIn(key) {
      await api.checkKey(key);
      keys.save(key);
      services.reconnect();
      setSession((n) => n + 1);
    },
  };
  return <Explorer api={api} signIn={signIn} session={session} playgroundHref={services.graphqlPath} />;
}

export function mountPage(root: HTMLElement, services: PageServices): void {
  createRoot(root).render(<Page services={services} />);
}
