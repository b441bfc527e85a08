// Vite with zigport's plugin: `.zig` imports become WebAssembly modules.
import { defineConfig } from 'vite';
import zigport from 'zigport/vite';

export default defineConfig({
  plugins: [zigport()],
});
