import { defineConfig } from 'drizzle-kit';

/** `drizzle-kit generate` writes SQL migrations from src/db/schema.ts; the hub applies them at start. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './migrations',
});
