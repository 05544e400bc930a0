/** CSS imports are bundled by esbuild; to TypeScript they are side-effect-only modules. */
declare module '*.css';
