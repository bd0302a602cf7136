import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Built into the jar's classpath resources (web-admin/), served by api at "/". One chunk per route, vendors apart.
export default defineConfig({
  plugins: [vue()],
  base: './',
  build: {
    outDir: 'target/classes/web-admin',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return 'element-plus'
          if (id.includes('node_modules/write-excel-file')) return 'excel'
          if (id.includes('node_modules')) return 'vendor'
          return undefined
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
  test: { environment: 'jsdom', include: ['src/**/*.test.ts'] },
} as any)
