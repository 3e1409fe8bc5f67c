/** Side-effect stylesheet imports in stories and benches (Vite and esbuild bundle them). */
declare module '*.css';
