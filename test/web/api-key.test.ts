import { createApiKeyStore, KEY_STORE, type KeyStorage } from '../../src/web/api-key';
import { DEMO_KEY_PLACEHOLDER } from '../../src/web/page-config';

const page = (demo: string | null) => ({
  querySelector: () => (demo === null ? null : { getAttribute: () => demo }),
});
const memory = (init: Record<string, string> = {}): KeyStorage & { data: Record<string, string> } => {
  const data = { ...init };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
};

describe('API key store (shared by the explorer and the review desk)', () => {
  it('uses the demo key the server wrote into the page until the user saves one', () => {
    const storage = memory();
    const keys = createApiKeyStore(page('demo-key-0123456789'), storage);
    expect(keys.current()).toBe('demo-key-0123456789');
    expect(keys.isDemo()).toBe(true);
    expect(keys.authorization()).toEqual({ authorization: 'Bearer demo-key-0123456789' });
    keys.save('  mine-0123456789  ');
    expect(keys.current()).toBe('mine-0123456789');
    expect(keys.isDemo()).toBe(false);
    expect(storage.data[KEY_STORE]).toBe('mine-0123456789');
  });

  it('prefers the key this browser saved, and sends nothing without any key', () => {
    expect(createApiKeyStore(page('demo-key-0123456789'), memory({ [KEY_STORE]: 'saved-0123456789' })).current()).toBe('saved-0123456789');
    const none = createApiKeyStore(page(DEMO_KEY_PLACEHOLDER), null);
    expect(none.current()).toBe('');
    expect(none.authorization()).toEqual({});
  });

  it('survives a storage that throws', () => {
    const broken: KeyStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const keys = createApiKeyStore(page(null), broken);
    keys.save('k-0123456789abcdef');
    expect(keys.current()).toBe('k-0123456789abcdef');
  });
});
