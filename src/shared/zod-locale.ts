import { z } from 'zod'

// Zod's own messages in Chinese, for a check written without one (the UI shows main's message at
// the field). Imported by the IPC contract, so main, the preload and the renderer all have it.
z.config(z.locales.zhCN())
