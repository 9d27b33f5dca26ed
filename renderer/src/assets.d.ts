/** Side-effect style imports handled by Vite; the renderer's tsconfig has no Vite or Node types on purpose. */
declare module '*.css'
